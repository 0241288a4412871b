using System.Security.Claims;
using System.Text.Json;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Console;

/// <summary>
/// The pickup batch (librarians and admins): <c>GET /api/staff/notices/branches</c> lists where items can wait (any
/// staff: the outreach page narrows a broadcast's audience by branch);
/// <c>POST /api/staff/notices/batch</c> previews (<c>send: false</c>) or sends "your book is ready for collection at …"
/// to the patrons whose card or phone numbers were pasted. Malformed input gets 400 naming the problem before anything
/// is sent; each preview and send is audited.
/// </summary>
public static class PickupBatchEndpoints
{
    private const string Example = "{\"cards\": [\"29000100000011\", \"+34 600 123 456\"], \"branch\": \"central\", \"send\": false}";

    public static void MapPickupBatch(this RouteGroupBuilder notices)
    {
        notices.MapGet("/branches", BranchesAsync).RequireAuthorization(StaffRole.AnyPolicy)
            .WithSummary("The library's branches (id and name), for \"ready for pickup at\" and for a broadcast's audience (any staff).");
        if (((IEndpointRouteBuilder)notices).ServiceProvider.GetService<PickupBatch>() is null)
        {
            // The store has no way yet to find a patron's chats by card (Cosmos DB): no batch endpoint rather than a 500.
            return;
        }

        notices.MapPost("/batch", BatchAsync).RequireAuthorization(StaffRole.AnswerPolicy)
            .WithSummary("Pickup notices for pasted card or phone numbers: who gets it on which chat, who cannot be reached and why; sends when send is true (never twice per patron, branch and day).")
            .Accepts<PickupBatchRequest>("application/json").Produces<PickupBatchView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> BranchesAsync(ICatalogue catalogue, CancellationToken ct) =>
        await ListBranchesAsync(catalogue, ct) is { } branches
            ? Results.Ok(branches.Select(b => new { id = b.BranchId, name = b.Name }))
            : Unavailable();

    private static async Task<IResult> BatchAsync(
        HttpRequest http, ClaimsPrincipal user, StaffActions actions, PickupBatch batch, ICatalogue catalogue, BotText text, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, actions.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        var (request, bodyProblem) = await ReadAsync(http, ct);
        if (request is null)
        {
            return Invalid("body", bodyProblem!);
        }

        var entries = PickupBatchInput.Parse(request.Cards ?? []);
        if (entries.Count == 0)
        {
            return Invalid("cards", "Paste at least one card number or phone number (one per line, or separated by commas).");
        }

        if (entries.Count > PickupBatchInput.MaxEntries)
        {
            return Invalid("cards", $"A batch takes at most {PickupBatchInput.MaxEntries} card or phone numbers; this one has {entries.Count}. Split it in two.");
        }

        if (await ListBranchesAsync(catalogue, ct) is not { } branches)
        {
            return Unavailable();
        }

        var choices = string.Join(", ", branches.Select(b => $"{b.BranchId} ({b.Name})"));
        if (string.IsNullOrWhiteSpace(request.Branch))
        {
            return Invalid("branch", $"Choose the branch where the items are ready: one of {choices}.");
        }

        var branch = branches.FirstOrDefault(b => string.Equals(b.BranchId, request.Branch.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(b.Name, request.Branch.Trim(), StringComparison.OrdinalIgnoreCase));
        if (branch is null)
        {
            return Invalid("branch", $"'{request.Branch.Trim()}' is not a branch of the library; use one of {choices}.");
        }

        var plan = await batch.PreviewAsync(entries, branch, ct);
        if (request.Send)
        {
            plan = await batch.SendAsync(plan, ct);
        }

        await actions.AuditAsync(me, request.Send ? "notices-batch:send" : "notices-batch:preview", null, ct);
        return Results.Ok(View(plan, text));
    }

    private static async Task<(PickupBatchRequest? Request, string? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<PickupBatchRequest>(http.Body, JsonSerializerOptions.Web, ct);
            return request is null ? (null, $"The body must be a JSON object like {Example}.") : (request, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path.Split('[', '.')[0] : null;
            return (null, field switch
            {
                "cards" => $"cards must be a list of card or phone numbers written as strings, e.g. {Example}.",
                "branch" => $"branch must be a branch id written as a string, e.g. {Example}.",
                "send" => $"send must be true (send) or false (preview), e.g. {Example}.",
                _ => $"The body must be a JSON object like {Example}.",
            });
        }
    }

    private static async Task<IReadOnlyList<Branch>?> ListBranchesAsync(ICatalogue catalogue, CancellationToken ct)
    {
        try
        {
            return await catalogue.GetBranchesAsync(ct);
        }
        catch (CatalogueException)
        {
            return null;
        }
    }

    private static IResult Unavailable() =>
        Results.Problem("The library system could not list its branches; nothing was sent. Try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Invalid(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, detail: problem);

    private static PickupBatchView View(PickupBatchPlan plan, BotText text)
    {
        var languages = plan.Recipients.Select(r => r.Chat.Locale).Append(BotLocales.Default).Distinct(StringComparer.Ordinal);
        return new PickupBatchView(
            plan.Branch.BranchId,
            plan.Branch.Name,
            plan.Day,
            plan.BatchId is not null,
            plan.BatchId,
            plan.Recipients.Count(r => r.Status == PickupRecipientStatus.Ready),
            plan.Recipients.Count(r => r.Status == PickupRecipientStatus.AlreadySent),
            plan.Recipients.Count(r => r.Status == PickupRecipientStatus.Queued),
            languages.ToDictionary(l => l, l => text.Format("Notices.PickupReady", l, plan.Branch.Name), StringComparer.Ordinal),
            [.. plan.Recipients.Select(r => new PickupRecipientView(
                r.Entry.Line, Masked(r.Entry), r.Notice.PatronName, r.Chat.Address.Channel.ToString(), PatronAddress.Mask(r.Chat.Address),
                r.Chat.Locale, LanguageNames.Of(r.Chat.Locale), Status(r.Status), StatusText(r.Status)))],
            [.. plan.Problems.Select(p => new PickupProblemView(p.Entry.Line, Masked(p.Entry), p.Reason))]);
    }

    /// <summary>A pasted entry as the console may show it: a card's last four digits, a phone number as the queue masks it.</summary>
    private static string Masked(PickupBatchEntry entry) => entry.Kind == PickupBatchEntryKind.Phone
        ? PatronAddress.Mask(new ConversationRef(ChannelId.WhatsApp, "-", entry.Value))
        : DisplayFormats.MaskCard(entry.Value);

    private static string Status(PickupRecipientStatus status) => status switch
    {
        PickupRecipientStatus.Ready => "ready",
        PickupRecipientStatus.AlreadySent => "already-sent",
        _ => "queued",
    };

    private static string StatusText(PickupRecipientStatus status) => status switch
    {
        PickupRecipientStatus.Ready => "will be sent",
        PickupRecipientStatus.AlreadySent => "already told today: not sent again",
        _ => "sent",
    };
}
