using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryBot.CatalogAdapter;

/// <summary>
/// <c>catalogue-{adapter}</c>: whether a library system answers one cheap request (the adapter's probe), for
/// <c>/readyz</c>. Unhealthy names the failure's kind (never a patron or a message); a probe slower than
/// <see cref="Timeout"/> is unhealthy too.
/// </summary>
internal sealed class CatalogueReachabilityCheck(string system, Func<CancellationToken, Task> probe) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Registers the check of one adapter; <paramref name="probe"/> makes the request.</summary>
    public static void Register(IServiceCollection services, string adapter, string system, Func<IServiceProvider, CancellationToken, Task> probe) =>
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"catalogue-{adapter}",
            sp => new CatalogueReachabilityCheck(system, ct => probe(sp, ct)),
            HealthStatus.Unhealthy,
            [HealthTags.Readiness],
            Timeout));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await probe(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{system} answers");
        }
        catch (CatalogueException e)
        {
            return HealthCheckResult.Unhealthy($"{system} does not answer ({e.Kind})");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{system} does not answer ({e.GetType().Name})");
        }
    }
}
