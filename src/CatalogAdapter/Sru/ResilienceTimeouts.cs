using Microsoft.Extensions.Http.Resilience;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>Fits the standard resilience pipeline (retry, circuit breaker, timeouts) into one call budget.</summary>
internal static class ResilienceTimeouts
{
    public static void Apply(HttpStandardResilienceOptions o, int budgetMs)
    {
        var total = TimeSpan.FromMilliseconds(budgetMs);
        var attempt = TimeSpan.FromMilliseconds(Math.Max(200, budgetMs / 3));
        o.TotalRequestTimeout.Timeout = total;
        o.AttemptTimeout.Timeout = attempt;
        o.Retry.Delay = TimeSpan.FromMilliseconds(Math.Min(500, budgetMs / 10));
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * attempt.Ticks));
        // Renewals and holds are not idempotent: never replay a POST or DELETE.
        o.Retry.DisableForUnsafeHttpMethods();
    }
}
