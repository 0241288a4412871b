using System.Security.Claims;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Conversations.Sms;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>/api/staff/conversations/{id}/sms</c>: a patron's SMS number for notices, as staff record it for them (a paper form,
/// the desk): read (masked), set (validated with libphonenumber; the grant is recorded in the consent ledger with the
/// console as its source and the staff member as its actor) and remove (withdrawn). Librarians and admins; audited.
/// </summary>
public static class SmsNumberEndpoints
{
    public static void MapSmsNumber(this RouteGroupBuilder api)
    {
        var sms = api.MapGroup("/conversations/{id}/sms").RequireAuthorization(StaffRole.AnswerPolicy);
        sms.MapGet("/", ReadAsync).WithSummary("The chat's SMS number for notices (masked), and whether notices go by SMS only.");
        sms.MapPut("/", SetAsync).WithSummary("Registers the patron's SMS number for notices (400 with the reason when it is not a valid mobile number).");
        sms.MapDelete("/", RemoveAsync).WithSummary("Removes the chat's SMS number and withdraws its consent.");
    }

    private static async Task<IResult> ReadAsync(string id, ClaimsPrincipal user, StaffActions a, IConversationStore store, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key) || await store.LoadAsync(key, ct) is not { } snapshot)
        {
            return Results.NotFound();
        }

        await a.AuditAsync(me, "read-sms-number", key, ct);
        return Results.Ok(View(SmsRoute.Of(snapshot.State)));
    }

    private static async Task<IResult> SetAsync(string id, StaffSmsNumberRequest request, ClaimsPrincipal user, StaffActions a, SmsNoticeNumbers numbers, TimeProvider clock, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key))
        {
            return Results.NotFound();
        }

        if (!numbers.Enabled)
        {
            return Problem("Text messages are off at this library (Channels:Sms:Provider is not set).");
        }

        if (!numbers.TryNormalize(request.Number, ConversationIds.TryParseRef(key, out var chat) ? chat : null, out var e164))
        {
            return Problem("This is not a valid mobile number. Write it with the country code (e.g. +1 415 555 0100); a number without one is read as one of the patron's own country when the chat is on WhatsApp, else of the library's.");
        }

        if (!request.PatronAgreed)
        {
            return Problem("Confirm that the patron agreed to get library notices by text message at this number.");
        }

        SmsRoute? previous = null;
        var locale = BotLocales.Default;
        var outcome = await a.Handoff.ChangeAsync(key, me.Username, edit =>
        {
            previous = SmsRoute.Of(edit.State);
            locale = edit.State.Locale ?? BotLocales.Default;
            new SmsRoute(e164, request.SmsOnly).SaveTo(edit.State);
            edit.Notes.Add($"{me.DisplayName} registered an SMS number for notices ending in {e164[^4..]}{(request.SmsOnly ? " (SMS only)" : string.Empty)}");
            return new HandoffOutcome(HandoffResult.Done);
        }, ct);
        if (outcome.Result != HandoffResult.Done)
        {
            return Results.NotFound();
        }

        var at = clock.GetUtcNow();
        if (previous is not null && previous.Number != e164)
        {
            await numbers.WithdrawAsync(previous.Number, ConsentSource.Console, "staff:" + me.Username, locale, at, ct);
        }

        await numbers.GrantAsync(e164, ConsentSource.Console, "staff:" + me.Username, locale, at, ct);
        await a.AuditAsync(me, "set-sms-number", key, ct);
        return Results.Ok(View(new SmsRoute(e164, request.SmsOnly)));
    }

    private static async Task<IResult> RemoveAsync(string id, ClaimsPrincipal user, StaffActions a, SmsNoticeNumbers numbers, TimeProvider clock, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key))
        {
            return Results.NotFound();
        }

        SmsRoute? removed = null;
        var locale = BotLocales.Default;
        var outcome = await a.Handoff.ChangeAsync(key, me.Username, edit =>
        {
            removed = SmsRoute.Of(edit.State);
            locale = edit.State.Locale ?? BotLocales.Default;
            if (removed is not null)
            {
                SmsRoute.Clear(edit.State);
                edit.Notes.Add($"{me.DisplayName} removed the SMS number for notices");
            }

            return new HandoffOutcome(HandoffResult.Done);
        }, ct);
        if (outcome.Result != HandoffResult.Done)
        {
            return Results.NotFound();
        }

        if (removed is not null && numbers.Enabled)
        {
            await numbers.WithdrawAsync(removed.Number, ConsentSource.Console, "staff:" + me.Username, locale, clock.GetUtcNow(), ct);
        }

        await a.AuditAsync(me, "remove-sms-number", key, ct);
        return Results.Ok(View(null));
    }

    private static SmsNumberView View(SmsRoute? route) =>
        route is null ? new SmsNumberView(false, null, false) : new SmsNumberView(true, SmsRoute.Masked(route.Number), route.SmsOnly);

    private static IResult Problem(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
