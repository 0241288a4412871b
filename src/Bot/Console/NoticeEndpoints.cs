using System.Globalization;
using System.Security.Claims;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>/api/staff/notices</c>: the notices sent (librarians and admins), their counts per day, kind, channel and
/// delivery, and a run on demand (admins). Absent when the store has no notice ledger.
/// </summary>
public static class NoticeEndpoints
{
    public static void MapNoticeActions(this RouteGroupBuilder api)
    {
        if (api is IEndpointRouteBuilder routes && routes.ServiceProvider.GetService(typeof(INoticeStore)) is null)
        {
            return;
        }

        var notices = api.MapGroup("/notices");
        notices.MapGet("/", ListAsync).RequireAuthorization(StaffRole.AnswerPolicy)
            .WithSummary("Notices newest first, filtered by patron (id or first name), kind, delivery and date (from/to, ISO 8601); with counts per day, kind, channel and delivery.");
        notices.MapPost("/run", RunAsync).RequireAuthorization(StaffRole.AdminPolicy)
            .WithSummary("Runs notices now: 200 with what was planned and skipped and why; 409 when a run is already under way.");
    }

    private static async Task<IResult> RunAsync(ClaimsPrincipal user, StaffActions actions, NoticeRun run, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, actions.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        await actions.AuditAsync(me, "notices-run", null, ct);
        var report = await run.RunAsync($"staff:{me.Username}", ct);
        return report.Outcome == NoticeRunReport.Busy
            ? Results.Problem(report.Outcome, statusCode: StatusCodes.Status409Conflict)
            : Results.Ok(report);
    }

    private static async Task<IResult> ListAsync(
        string? patron, string? kind, string? status, string? from, string? to, INoticeStore store, CancellationToken ct)
    {
        var problems = new List<string>();
        NoticeKind? parsedKind = null;
        if (kind is not null)
        {
            if (Enum.TryParse<NoticeKind>(kind.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var k) && Enum.IsDefined(k))
            {
                parsedKind = k;
            }
            else
            {
                problems.Add($"kind must be one of {string.Join(", ", Enum.GetNames<NoticeKind>())}");
            }
        }

        if (status is not null && !NoticeDelivery.All.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"status must be one of {string.Join(", ", NoticeDelivery.All)}");
        }

        var fromTime = Instant(from, "from", problems);
        var toTime = Instant(to, "to", problems);
        if (problems.Count > 0)
        {
            return Results.Problem(string.Join("; ", problems) + ".", statusCode: StatusCodes.Status400BadRequest);
        }

        var query = new NoticeQuery(string.IsNullOrWhiteSpace(patron) ? null : patron.Trim(), parsedKind, status?.ToLowerInvariant(), fromTime, toTime, 200);
        var counts = (await store.CountAsync(query, ct))
            .Select(c => new { day = c.Day, kind = c.Kind.ToString(), channel = c.Channel.ToString(), delivery = c.Delivery, count = c.Count });
        var listed = await store.ListAsync(query, ct);
        return Results.Ok(new
        {
            counts,
            notices = listed.Select(r => new
            {
                kind = r.Notice.Kind.ToString(),
                patron = r.Notice.PatronName,
                patronId = r.Notice.PatronId,
                title = r.Notice.Title,
                branch = r.Notice.BranchName,
                date = r.Notice.Date,
                channel = r.Channel.ToString(),
                plannedAt = r.PlannedAt,
                delivery = r.Delivery,
                errorCode = r.ErrorCode,
                reason = r.Reason,
            }),
        });
    }

    private static DateTimeOffset? Instant(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        problems.Add($"{name} must be a date or time in ISO 8601, e.g. 2026-11-27 or 2026-11-27T09:00:00Z");
        return null;
    }
}
