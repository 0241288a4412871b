using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Console;

/// <summary>
/// Broadcasts (<c>/api/staff/broadcasts</c>): any staff member may read them and their funnel; outreach staff and admins
/// write, count audiences, send, pause, resume and cancel (librarians get 403) and see recipients (masked). Bad input
/// gets 400 naming each field; a change the status does not allow gets 409 saying why. Every change is audited.
/// </summary>
public static class BroadcastEndpoints
{
    private const int ListLimit = 50;
    private const int MaxRecipientsPage = 1000;

    public static void MapBroadcastActions(this RouteGroupBuilder api)
    {
        var broadcasts = api.MapGroup("/broadcasts");
        broadcasts.MapGet("/topics", Topics).RequireAuthorization(StaffRole.AnyPolicy)
            .WithSummary("The topics patrons sign up for (id, name per language).");
        api.MapGet("/whatsapp/marketing-templates", (WhatsAppMarketingTemplates templates) =>
                Results.Ok(templates.All.Select(t => new { name = t.Name, languages = t.Languages, bodyParameters = t.BodyParameters })))
            .RequireAuthorization(StaffRole.AnyPolicy).WithSummary("The approved WhatsApp marketing templates a broadcast may use outside the 24-hour window.");
        broadcasts.MapPost("/audience", CountAsync).RequireAuthorization(StaffRole.OutreachPolicy)
            .WithSummary("The live count of a segment: chats that would get a broadcast, and those excluded by reason. Nothing is stored.")
            .Accepts<AudienceRequest>("application/json").Produces<AudienceCountView>().ProducesValidationProblem();
        broadcasts.MapPost("/", CreateAsync).RequireAuthorization(StaffRole.OutreachPolicy)
            .WithSummary("Writes a broadcast (a draft): 201 with its id and audience count; 400 naming each problem.")
            .Accepts<BroadcastRequest>("application/json").Produces<BroadcastCreatedView>(StatusCodes.Status201Created).ProducesValidationProblem();
        broadcasts.MapGet("/", ListAsync).RequireAuthorization(StaffRole.AnyPolicy)
            .WithSummary("Broadcasts, newest first, with their main counts.");
        broadcasts.MapGet("/{id}", GetAsync).RequireAuthorization(StaffRole.AnyPolicy)
            .WithSummary("One broadcast with its status and funnel.").Produces<BroadcastView>().ProducesProblem(StatusCodes.Status404NotFound);
        broadcasts.MapPost("/{id}/send", (string id, ClaimsPrincipal user, StaffActions actions, IBroadcastStore store, BroadcastCommands commands, CancellationToken ct) =>
                ChangeAsync(id, "send", commands.SendAsync, user, actions, store, ct))
            .RequireAuthorization(StaffRole.OutreachPolicy).WithSummary("Sends a draft now, or at its sendAt; 409 when it is not a draft.");
        broadcasts.MapPost("/{id}/pause", (string id, ClaimsPrincipal user, StaffActions actions, IBroadcastStore store, BroadcastCommands commands, CancellationToken ct) =>
                ChangeAsync(id, "pause", commands.PauseAsync, user, actions, store, ct))
            .RequireAuthorization(StaffRole.OutreachPolicy).WithSummary("Pauses a broadcast that is sending; 409 otherwise.");
        broadcasts.MapPost("/{id}/resume", (string id, ClaimsPrincipal user, StaffActions actions, IBroadcastStore store, BroadcastCommands commands, CancellationToken ct) =>
                ChangeAsync(id, "resume", commands.ResumeAsync, user, actions, store, ct))
            .RequireAuthorization(StaffRole.OutreachPolicy).WithSummary("Resumes a paused broadcast; 409 otherwise.");
        broadcasts.MapPost("/{id}/cancel", (string id, ClaimsPrincipal user, StaffActions actions, IBroadcastStore store, BroadcastCommands commands, CancellationToken ct) =>
                ChangeAsync(id, "cancel", commands.CancelAsync, user, actions, store, ct))
            .RequireAuthorization(StaffRole.OutreachPolicy).WithSummary("Cancels a broadcast not finished yet (nobody else gets it); 409 otherwise.");
        broadcasts.MapGet("/{id}/recipients", RecipientsAsync).RequireAuthorization(StaffRole.OutreachPolicy)
            .WithSummary("The broadcast's recipients (masked), optionally of one status (pending, excluded, handedover, queued, masssend, skipped); paged with offset and limit.");
        broadcasts.MapGet("/{id}/recipients.csv", CsvAsync).RequireAuthorization(StaffRole.OutreachPolicy)
            .WithSummary("Every recipient of the broadcast as CSV (masked chat, channel, language, status, reason, delivery, error code).");
    }

    private static IResult Topics(IOptions<BroadcastOptions> options) =>
        Results.Ok(options.Value.EffectiveTopics.Select(t => new { id = t.Id, names = t.Names }));

    private static async Task<IResult> CountAsync(HttpRequest http, BroadcastCommands commands, IOptions<BroadcastOptions> options, ICatalogue catalogue, CancellationToken ct)
    {
        var (request, problem) = await ReadAsync<AudienceRequest>(http, "{\"topics\": [\"events\"], \"languages\": [\"es\"]}", ct);
        if (request is null)
        {
            return Invalid("body", problem!);
        }

        var check = new BroadcastDraftCheck(options.Value, await BranchesAsync(catalogue, request.Branches, ct), templates: null);
        if (check.Audience(request, "") is not { } audience)
        {
            return Results.ValidationProblem(Trim(check.Problems));
        }

        // Counted as if a marketing template were chosen (WhatsApp chats outside the window reachable); the draft's own count says otherwise when it has none.
        var plan = await commands.CountAsync(audience, hasWhatsAppTemplate: true, ct);
        return Results.Ok(new AudienceCountView(plan.Count, plan.Excluded));
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest http, ClaimsPrincipal user, StaffActions actions, BroadcastCommands commands, IOptions<BroadcastOptions> options,
        ICatalogue catalogue, WhatsAppMarketingTemplates templates, TimeProvider clock, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, actions.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        var (request, problem) = await ReadAsync<BroadcastRequest>(http,
            "{\"name\": \"Story time\", \"audience\": {\"topics\": [\"events\"]}, \"content\": {\"en\": \"…\", \"es\": \"…\"}}", ct);
        if (request is null)
        {
            return Invalid("body", problem!);
        }

        var check = new BroadcastDraftCheck(options.Value, await BranchesAsync(catalogue, request.Audience?.Branches, ct), templates);
        var audience = check.Audience(request.Audience);
        var draft = check.Draft(request, clock.GetUtcNow());
        if (audience is null || draft is not { } d)
        {
            return Results.ValidationProblem(check.Problems);
        }

        var (broadcast, plan) = await commands.CreateAsync(d.Name, audience, d.Content, d.Template, request.SendAt, d.Rate, me.Username, ct);
        await actions.AuditAsync(me, "broadcast:create", broadcast.Id, ct);
        return Results.Created($"{StaffApiEndpoints.Prefix}/broadcasts/{broadcast.Id}", new BroadcastCreatedView(broadcast.Id, plan.Count, plan.Excluded));
    }

    private static async Task<IResult> ListAsync(IBroadcastStore store, CancellationToken ct)
    {
        var views = new List<BroadcastSummaryView>();
        foreach (var broadcast in await store.ListAsync(ListLimit, ct))
        {
            var funnel = await store.FunnelAsync(broadcast.Id, ct);
            views.Add(new BroadcastSummaryView(broadcast.Id, broadcast.Name, Status(broadcast.Status), broadcast.CreatedBy, broadcast.CreatedAt,
                broadcast.SendAt, broadcast.StartedAt, broadcast.FinishedAt, funnel.Audience - funnel.Excluded, funnel.Sent, funnel.Delivered,
                funnel.Read, funnel.Failed, funnel.Excluded));
        }

        return Results.Ok(views);
    }

    private static async Task<IResult> GetAsync(string id, IBroadcastStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } broadcast ? Results.Ok(await ViewAsync(broadcast, store, ct)) : NotFound(id);

    private static async Task<IResult> ChangeAsync(
        string id, string action, Func<string, CancellationToken, Task<Broadcast?>> change,
        ClaimsPrincipal user, StaffActions actions, IBroadcastStore store, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, actions.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        if (await store.GetAsync(id, ct) is not { } before)
        {
            return NotFound(id);
        }

        if (await change(id, ct) is not { } after)
        {
            var now = await store.GetAsync(id, ct) ?? before;
            return Results.Problem($"This broadcast is {Status(now.Status)}: it cannot {action} now. {Allowed(now.Status)}", statusCode: StatusCodes.Status409Conflict);
        }

        await actions.AuditAsync(me, $"broadcast:{action}", id, ct);
        return Results.Ok(await ViewAsync(after, store, ct));
    }

    private static async Task<IResult> RecipientsAsync(string id, string? status, int? offset, int? limit, IBroadcastStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        RecipientStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<RecipientStatus>(status.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed))
            {
                return Invalid("status", $"'{status}' is not a recipient status; use pending, excluded, handedover, queued, masssend or skipped.");
            }

            filter = parsed;
        }

        if (offset is < 0 || limit is < 1 or > MaxRecipientsPage)
        {
            return Invalid("limit", $"offset must be 0 or more and limit between 1 and {MaxRecipientsPage}.");
        }

        var page = await store.RecipientsAsync(id, filter, offset ?? 0, limit ?? 100, ct);
        return Results.Ok(page.Select(RecipientView));
    }

    private static async Task<IResult> CsvAsync(string id, IBroadcastStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        var csv = new StringBuilder("chat,channel,language,status,reason,delivery,error_code\n");
        for (var offset = 0; ; offset += MaxRecipientsPage)
        {
            var page = await store.RecipientsAsync(id, null, offset, MaxRecipientsPage, ct);
            foreach (var view in page.Select(RecipientView))
            {
                csv.AppendJoin(',', new[] { view.Chat, view.Channel, view.Language, view.Status, view.Reason, view.Delivery, view.ErrorCode }.Select(Cell)).Append('\n');
            }

            if (page.Count < MaxRecipientsPage)
            {
                break;
            }
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"broadcast-{id}-recipients.csv");
    }

    private static async Task<BroadcastView> ViewAsync(Broadcast broadcast, IBroadcastStore store, CancellationToken ct)
    {
        var funnel = await store.FunnelAsync(broadcast.Id, ct);
        return new BroadcastView(
            broadcast.Id, broadcast.Name, Status(broadcast.Status),
            new AudienceView(broadcast.Audience.Topics, broadcast.Audience.Branches, broadcast.Audience.Languages, broadcast.Audience.Channels),
            broadcast.Content.Text, broadcast.Content.ImageUrl, broadcast.Content.Link,
            broadcast.WhatsAppTemplate is { } t ? new TemplateView(t.Name, t.Parameters) : null,
            broadcast.SendAt, broadcast.RatePerSecond, broadcast.CreatedBy, broadcast.CreatedAt, broadcast.StartedAt, broadcast.FinishedAt,
            new FunnelView(funnel.Audience - funnel.Excluded, funnel.Pending, funnel.Sent, funnel.Delivered, funnel.Read, funnel.Failed, funnel.Excluded,
                funnel.Skipped, funnel.OptedOut, funnel.ExcludedByReason, funnel.FailedByCode));
    }

    private static BroadcastRecipientView RecipientView(RecipientDelivery delivery)
    {
        var r = delivery.Recipient;
        var chat = ConversationIds.TryParseRef(r.ConversationKey, out var address) ? PatronAddress.Mask(address) : "•••";
        return new BroadcastRecipientView(chat, r.Channel, r.Language, r.Status.ToString().ToLowerInvariant(), r.Reason, Delivery(delivery), delivery.ErrorCode);
    }

    /// <summary>How far the recipient's message got: the most advanced receipt, else the outbox's status.</summary>
    private static string? Delivery(RecipientDelivery delivery) => (delivery.Delivery, delivery.Receipt) switch
    {
        (null, _) => null,
        (OutboxStatus.Failed, _) or (_, DeliveryState.Failed) => "failed",
        (_, DeliveryState.Read) => "read",
        (_, DeliveryState.Delivered) => "delivered",
        (OutboxStatus.Sent or OutboxStatus.SentPassively, _) => "sent",
        (OutboxStatus.Held, _) => "held",
        _ => "pending",
    };

    private static string Cell(string? value) =>
        value is null ? string.Empty
        : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : string.Empty) + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static string Status(BroadcastStatus status) => status.ToString().ToLowerInvariant();

    private static string Allowed(BroadcastStatus status) => status switch
    {
        BroadcastStatus.Draft => "A draft can be sent or cancelled.",
        BroadcastStatus.Scheduled => "A scheduled broadcast can be cancelled (it starts at its time).",
        BroadcastStatus.Sending => "A broadcast that is sending can be paused or cancelled.",
        BroadcastStatus.Paused => "A paused broadcast can be resumed or cancelled.",
        _ => "It is over; write a new one to send again.",
    };

    private static async Task<IReadOnlyList<Branch>?> BranchesAsync(ICatalogue catalogue, IReadOnlyList<string?>? wanted, CancellationToken ct)
    {
        if (wanted is null || wanted.All(string.IsNullOrWhiteSpace))
        {
            return [];
        }

        try
        {
            return await catalogue.GetBranchesAsync(ct);
        }
        catch (CatalogueException)
        {
            return null;
        }
    }

    private static async Task<(T? Request, string? Problem)> ReadAsync<T>(HttpRequest http, string example, CancellationToken ct)
        where T : class
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<T>(http.Body, JsonSerializerOptions.Web, ct);
            return request is null ? (null, $"The body must be a JSON object like {example}.") : (request, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : null;
            return (null, field is null
                ? $"The body must be a JSON object like {example}."
                : $"{field} has the wrong form (lists are JSON arrays of strings, texts are strings, sendAt an ISO 8601 time like 2026-12-01T10:00:00+01:00); e.g. {example}.");
        }
    }

    /// <summary>The audience endpoint's fields are at the top of its body ("topics", not "audience.topics").</summary>
    private static Dictionary<string, string[]> Trim(IReadOnlyDictionary<string, string[]> problems) =>
        problems.ToDictionary(p => p.Key.TrimStart('.'), p => p.Value, StringComparer.Ordinal);

    private static IResult Invalid(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, detail: problem);

    private static IResult NotFound(string id) =>
        Results.Problem($"No broadcast has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
