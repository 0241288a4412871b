using System.Security.Claims;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>The services every action needs, with the shared checks (who, which conversation, audit, status code).</summary>
public sealed class StaffActions(HandoffService handoff, IStaffStore staff, TimeProvider clock, ILogger<StaffActions> logger)
{
    public HandoffService Handoff { get; } = handoff;

    public IStaffStore Staff { get; } = staff;

    public async Task AuditAsync(StaffAccount me, string action, string key, CancellationToken ct)
    {
        await Staff.AuditAsync(me.Username, action, key, clock.GetUtcNow(), ct);
        HandoffLog.StaffAction(logger, me.Username, action, LogIds.Hash(key));
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
            outcome.Window is null ? null : ConversationViews.Window(outcome.Window), outcome.SentAsTemplate);
        return outcome.Result switch
        {
            HandoffResult.Done => Results.Ok(view),
            HandoffResult.NotFound => Results.NotFound(),
            HandoffResult.UnknownColleague => Results.BadRequest(view),
            _ => Results.Conflict(view),
        };
    }
}
