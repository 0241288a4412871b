using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// <c>workers</c>: the background workers this process should run are running — the inbox processor (unless
/// <c>Inbox:ProcessingEnabled=false</c>) and the outbox dispatcher (unless <c>Outbox:DispatchEnabled=false</c>).
/// </summary>
public sealed class WorkersHealthCheck(WorkerHealth health, IOptions<InboxOptions> inbox, IOptions<OutboxOptions> outbox) : IHealthCheck
{
    public const string Name = "workers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stopped = new List<string>();
        if (inbox.Value.ProcessingEnabled && !health.InboxRunning)
        {
            stopped.Add("inbox processor not running");
        }

        if (outbox.Value.DispatchEnabled && !health.OutboxRunning)
        {
            stopped.Add("outbox dispatcher not running");
        }

        return Task.FromResult(stopped.Count == 0
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(string.Join("; ", stopped)));
    }
}
