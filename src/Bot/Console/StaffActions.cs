using System.Security.Claims;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>The services every action needs, with the shared checks (who, which conversation, audit, status code).</summary>
public sealed class StaffActions(HandoffService handoff, IStaffStore staff, LibraryTime time, TimeProvider clock, ILogger<StaffActions> logger)
{
    public HandoffService Handoff { get; } = handoff;

    public IStaffStore Staff { get; } = staff;

    /// <summary>Records an action on a conversation (or none: sign-in, presence) in the audit log; logs it with hashed ids.</summary>
    public async Task AuditAsync(StaffAccount me, string action, string? key, CancellationToken ct)
    {
        await Staff.AuditAsync(me.Username, action, key, clock.GetUtcNow(), ct);
        HandoffLog.StaffAction(logger, StaffLogIds.User(me.Username), action, key is null ? "-" : LogIds.Hash(key));
    }

    /// <summary>Records an admin's action on a staff account (<paramref name="target"/>) in the audit log.</summary>
    public async Task AuditAccountAsync(StaffAccount me, string action, string target, CancellationToken ct)
    {
        await Staff.AuditAsync(me.Username, action, null, clock.GetUtcNow(), ct, target);
        HandoffLog.AccountAction(logger, StaffLogIds.User(me.Username), action, StaffLogIds.User(target));
    }

    public async Task<IResult> RunAsync(string id, ClaimsPrincipal user, string action, Func<string, StaffAccount, Task<HandoffOutcome>> run, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key))
        {
            return Results.NotFound();
        }

        var outcome = await run(key, me);
        await AuditAsync(me, outcome.Result == HandoffResult.Done ? action : $"{action}:{outcome.Result}", key, ct);
        var view = new ActionResultView(outcome.Result.ToString(), outcome.Owner,
            outcome.Window is null ? null : ConversationViews.Window(outcome.Window, time), outcome.SentAsTemplate);
        return outcome.Result switch
        {
            HandoffResult.Done => Results.Ok(view),
            HandoffResult.NotFound => Results.NotFound(),
            HandoffResult.UnknownColleague => Results.BadRequest(view),
            _ => Results.Conflict(view),
        };
    }
}
