using System.Security.Claims;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>/api/staff/conversations/{id}</c>: read (transcript, patron, reply rule), claim, reply, transfer, release, close.
/// Librarians and admins only (outreach gets 403); every call is written to the audit log.
/// </summary>
public static class ConversationEndpoints
{
    public const int MaxReplyLength = 4096;

    public static void MapConversationActions(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations/{id}").RequireAuthorization(StaffRole.AnswerPolicy);
        conversations.MapGet("/", ReadAsync);
        conversations.MapGet("/consent", ConsentAsync).WithSummary("The patron's consent history on this chat (notices, news) and on the SMS number registered in it, oldest first.");
        conversations.MapPost("/claim", (string id, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
            a.RunAsync(id, user, "claim", (key, me) => a.Handoff.ClaimAsync(key, me, ct), ct));
        conversations.MapPost("/messages", (string id, ReplyRequest request, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxReplyLength
                ? Task.FromResult(Results.Problem($"The reply must have 1 to {MaxReplyLength} characters.", statusCode: StatusCodes.Status400BadRequest))
                : a.RunAsync(id, user, "reply", (key, me) => a.Handoff.ReplyAsync(key, me, request.Text.Trim(), ct), ct));
        conversations.MapPost("/transfer", (string id, TransferRequest request, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
            a.RunAsync(id, user, "transfer", (key, me) => a.Handoff.TransferAsync(key, me, request.To ?? string.Empty, ct), ct));
        conversations.MapPost("/release", (string id, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
            a.RunAsync(id, user, "release", (key, me) => a.Handoff.ReleaseAsync(key, me, ct), ct));
        conversations.MapPost("/close", (string id, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
            a.RunAsync(id, user, "close", (key, me) => a.Handoff.CloseAsync(key, me, ct), ct));
    }

    private static async Task<IResult> ConsentAsync(
        string id, ClaimsPrincipal user, StaffActions a, IConsentLedger ledger, IConversationStore store, SmsFallbackRoute sms, LibraryTime time, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key) || !ConversationIds.TryParseRef(key, out var address))
        {
            return Results.NotFound();
        }

        await a.AuditAsync(me, "read-consent", key, ct);
        var history = (await ledger.HistoryAsync(address, ct)).ToList();
        if (sms.Enabled && await store.LoadAsync(key, ct) is { } snapshot && SmsRoute.Of(snapshot.State) is { } route)
        {
            // The SMS number registered in the chat has its own consent (given with the number, withdrawn by "stop texting me").
            history = [.. history.Concat(await ledger.HistoryAsync(sms.Conversation(route.Number), ct)).OrderBy(e => e.Record.At).ThenBy(e => e.Id)];
        }

        return Results.Ok(history.Select(e => new ConsentEventView(
            e.Channel.ToString(), e.Record.Purpose, e.Record.Action.ToString(), e.Record.At, time.Format(e.Record.At), e.Record.Source.ToString(), e.Record.Actor,
            e.Record.Wording, e.Record.WordingVersion, e.Record.Language)).ToList());
    }

    private static async Task<IResult> ReadAsync(string id, ClaimsPrincipal user, StaffActions a, IConversationStore store, ConversationViews views, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (!ConversationIds.TryDecode(id, out var key) || await store.LoadAsync(key, ct) is not { } snapshot)
        {
            return Results.NotFound();
        }

        await a.AuditAsync(me, "read", key, ct);
        return Results.Ok(await views.ConversationAsync(key, snapshot.State, ct));
    }
}
