using LibraryBot.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryBot.Bot.Hosting;

/// <summary><c>store</c>: the configured store (SQLite or Cosmos DB) answers a query; reports the inbox entries pending.</summary>
public sealed class StoreHealthCheck(IInboxStore inbox) : IHealthCheck
{
    public const string Name = "store";

    /// <summary>The key of the pending inbox count in the check's data (the <c>pendingInbox</c> of <c>/readyz</c>).</summary>
    public const string PendingInboxKey = "pendingInbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await inbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"answers; {pending} inbox entries pending", new Dictionary<string, object> { [PendingInboxKey] = pending });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"unreachable ({ex.GetType().Name})");
        }
    }
}
