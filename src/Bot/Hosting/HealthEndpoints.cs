using System.Text.Json;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive (runs no check; answers <c>alive</c>). <c>/readyz</c>: every health check tagged
/// for readiness — <c>store</c>, <c>workers</c>, the library system's <c>catalogue-*</c> and <c>wechat-token</c> — as
/// <c>{ ready, status, pendingInbox, problems, warnings, checks }</c>: 503 when one is unhealthy (named in
/// <c>problems</c>), 200 when all are healthy or only degraded (named in <c>warnings</c>).
/// </summary>
public static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers the Bot's own checks (the channels and the catalogue register theirs).</summary>
    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, HealthStatus.Unhealthy, [HealthTags.Readiness], TimeSpan.FromSeconds(5))
            .AddCheck<WorkersHealthCheck>(WorkersHealthCheck.Name, HealthStatus.Unhealthy, [HealthTags.Readiness]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("alive");
            },
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Readiness),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var pending = report.Entries.TryGetValue(StoreHealthCheck.Name, out var store) && store.Data.TryGetValue(StoreHealthCheck.PendingInboxKey, out var count)
            ? (int?)count
            : null;
        var body = new
        {
            ready = report.Status != HealthStatus.Unhealthy,
            status = report.Status.ToString(),
            pendingInbox = pending,
            problems = Describe(report, HealthStatus.Unhealthy),
            warnings = Describe(report, HealthStatus.Degraded),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private static List<string> Describe(HealthReport report, HealthStatus status) =>
        report.Entries.Where(e => e.Value.Status == status).Select(e => $"{e.Key}: {e.Value.Description}").ToList();
}
