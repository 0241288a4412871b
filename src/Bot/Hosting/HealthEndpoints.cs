using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: the store answers and the workers this process should run are running.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("alive"));
        endpoints.MapGet("/readyz", async (IInboxStore inbox, WorkerHealth health, IOptions<InboxOptions> inboxOptions, IOptions<OutboxOptions> outboxOptions, CancellationToken ct) =>
        {
            var problems = new List<string>();
            int? pending = null;
            try
            {
                pending = await inbox.CountPendingAsync(ct);
            }
            catch (Exception ex)
            {
                problems.Add($"store unreachable: {ex.GetType().Name}");
            }

            if (inboxOptions.Value.ProcessingEnabled && !health.InboxRunning)
            {
                problems.Add("inbox processor not running");
            }

            if (outboxOptions.Value.DispatchEnabled && !health.OutboxRunning)
            {
                problems.Add("outbox dispatcher not running");
            }

            var body = new { ready = problems.Count == 0, pendingInbox = pending, problems };
            return problems.Count == 0 ? Results.Json(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
