using System.Globalization;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>Builds what the staff API returns from the stores (and the catalogue for a linked patron).</summary>
public sealed class ConversationViews(
    IHandoffQueue queue,
    ITranscriptStore transcripts,
    IStaffStore staff,
    RequestPreview previews,
    LibraryTime time,
    BotText text,
    HandoffAvailability availability,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ConversationViews> logger)
{
    public const int CannedReplyCount = 4;

    public async Task<QueueView> QueueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await queue.ListAsync(cancellationToken).ConfigureAwait(false);
        var names = await DisplayNamesAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<QueueEntryView>(items.Count);
        foreach (var item in items)
        {
            entries.Add(Entry(item, now, names, await previews.ForAsync(item.ConversationKey, cancellationToken).ConfigureAwait(false)));
        }

        var next = availability.Hours.NextOpening(now);
        return new QueueView(availability.Hours.IsOpen(now), next is null ? null : time.Format(next.Value), time.Zone.Id, entries);
    }

    public async Task<ConversationView?> ConversationAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParseRef(conversationKey, out var to))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var item = QueueItem.FromState(conversationKey, to, state);
        var lines = await transcripts.ListAsync(conversationKey, 0, cancellationToken).ConfigureAwait(false);
        var window = ServiceWindow.For(to.Channel, state.LastInboundAt, now);
        var patronId = HandoffKeys.PatronIdKeys.Select(k => state.Values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var patron = patronId is null ? null : await PatronAsync(conversationKey, patronId, cancellationToken).ConfigureAwait(false);
        var names = await DisplayNamesAsync(cancellationToken).ConfigureAwait(false);
        var preview = state.Escalation is null ? null : await previews.ForAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        return new ConversationView(
            Entry(item, now, names, preview),
            [.. lines.Select(l => new TranscriptLineView(l.Id, l.At, time.Format(l.At), l.Author.ToString(), l.Staff is null ? null : names.GetValueOrDefault(l.Staff, l.Staff), l.Text))],
            Window(window, time),
            patron,
            [.. Enumerable.Range(1, CannedReplyCount).Select(n => text.Get($"Handoff.Canned.{n}", item.Locale))]);
    }

    public static WindowView Window(ServiceWindow window, LibraryTime time) =>
        new(window.IsOpen, !window.IsOpen, window.ClosesAt, window.ClosesAt is { } closes ? time.Format(closes) : null, window.Rule(time));

    private QueueEntryView Entry(QueueItem item, DateTimeOffset now, IReadOnlyDictionary<string, string> names, string? preview) =>
        new(item.Id,
            item.Channel.ToString(),
            item.Locale,
            LanguageNames.Of(item.Locale),
            item.Reason?.ToString(),
            EscalationReasonText.Describe(item.Reason, item.Detail),
            item.Detail,
            item.RequestedAt,
            item.RequestedAt is { } at ? time.Format(at) : null,
            item.RequestedAt is { } since ? (long)(now - since).TotalSeconds : null,
            item.Owner,
            item.Owner is null ? null : names.GetValueOrDefault(item.Owner, item.Owner),
            item.PatronName,
            PatronAddress.Mask(item.Conversation),
            preview);

    private async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(CancellationToken cancellationToken) =>
        (await staff.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Username, a => a.DisplayName, StringComparer.OrdinalIgnoreCase);

    private async Task<PatronView> PatronAsync(string conversationKey, string patronId, CancellationToken cancellationToken)
    {
        var catalogue = services.GetService<ICatalogue>();
        if (catalogue is null)
        {
            return new PatronView(null, [], [], null, null, "No catalogue is configured.");
        }

        try
        {
            var account = await catalogue.GetAccountAsync(patronId, cancellationToken).ConfigureAwait(false);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new PatronView(
                account.FirstName,
                [.. account.Loans.Select(l => $"{l.Title} — due {l.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(l.IsOverdue(today) ? " (overdue)" : string.Empty)}")],
                [.. account.Holds.Select(h => $"{h.Title} — {h.Status}{(h.PickupBranchName is null ? string.Empty : " at " + h.PickupBranchName)}")],
                account.FinesTotal,
                account.Currency,
                null);
        }
        catch (CatalogueException ex)
        {
            HandoffLog.PatronContextFailed(logger, LogIds.Hash(conversationKey), ex.Kind.ToString());
            return new PatronView(null, [], [], null, null, $"The catalogue could not be read ({ex.Kind}).");
        }
    }
}
