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
/// delivery, failures in plain words, a run on demand (admins), and the pickup batch (<see cref="PickupBatchEndpoints"/>).
/// Absent when the store has no notice ledger.
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
            .WithSummary("Notices newest first, filtered by patron (id or first name), kind, status (delivery) and date (from/to: ISO 8601; a date alone is a library day, both ends included); with counts per library day, kind, channel and delivery. Patron ids are not shown.");
        notices.MapPost("/run", RunAsync).RequireAuthorization(StaffRole.AdminPolicy)
            .WithSummary("Runs notices now: 200 with what was planned and skipped and why; 409 when a run is already under way.");
        notices.MapPickupBatch();
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
        string? patron, string? kind, string? status, string? from, string? to, INoticeStore store, LibraryTime time, CancellationToken ct)
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

        var fromTime = Instant(from, "from", time.Zone, endOfDay: false, problems);
        var toTime = Instant(to, "to", time.Zone, endOfDay: true, problems);
        if (problems.Count > 0)
        {
            return Results.Problem(string.Join("; ", problems) + ".", statusCode: StatusCodes.Status400BadRequest);
        }

        var query = new NoticeQuery(string.IsNullOrWhiteSpace(patron) ? null : patron.Trim(), parsedKind, status?.ToLowerInvariant(), fromTime, toTime, int.MaxValue);
        var all = await store.ListAsync(query, ct);
        var counts = all
            .GroupBy(r => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.PlannedAt, time.Zone).DateTime), r.Notice.Kind, r.Channel, r.Delivery))
            .Select(g => new { day = g.Key.Day, kind = g.Key.Kind.ToString(), channel = g.Key.Channel.ToString(), delivery = g.Key.Delivery, count = g.Count() })
            .OrderByDescending(c => c.day).ThenBy(c => c.kind, StringComparer.Ordinal).ThenBy(c => c.channel, StringComparer.Ordinal).ThenBy(c => c.delivery, StringComparer.Ordinal);
        return Results.Ok(new
        {
            counts,
            notices = all.Take(200).Select(r => new
            {
                kind = r.Notice.Kind.ToString(),
                patron = r.Notice.PatronName,
                title = r.Notice.Title,
                branch = r.Notice.BranchName,
                date = r.Notice.Date,
                channel = r.Channel.ToString(),
                plannedAt = r.PlannedAt,
                plannedAtLocal = time.Format(r.PlannedAt),
                delivery = r.Delivery,
                errorCode = r.ErrorCode,
                reason = r.Reason,
                reasonText = NoticeFailureText.Describe(r.ErrorCode, r.Reason),
            }),
            timeZone = time.Zone.Id,
        });
    }

    /// <summary>
    /// An instant in ISO 8601; a date alone (2026-11-27) is a day in library time: its start for <c>from</c>, the start
    /// of the next day for <c>to</c> (so from=to=that date lists that day).
    /// </summary>
    private static DateTimeOffset? Instant(string? value, string name, TimeZoneInfo zone, bool endOfDay, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = (endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        problems.Add($"{name} must be a date or time in ISO 8601, e.g. 2026-11-27 or 2026-11-27T09:00:00Z");
        return null;
    }
}
