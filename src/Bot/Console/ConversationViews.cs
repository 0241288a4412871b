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
        var next = availability.Hours.NextOpening(now);
        return new QueueView(availability.Hours.IsOpen(now), next is null ? null : availability.FormatLocal(next.Value, BotLocales.Default),
            [.. items.Select(i => Entry(i, now))]);
    }

    public static QueueEntryView Entry(QueueItem item, DateTimeOffset now) =>
        new(item.Id, item.Channel.ToString(), item.Locale, item.Reason?.ToString(), item.Detail, item.RequestedAt,
            item.RequestedAt is { } at ? (long)(now - at).TotalSeconds : null, item.Owner);

    public async Task<ConversationView?> ConversationAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParseRef(conversationKey, out var to))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var locale = state.Escalation?.Locale ?? state.Locale ?? BotLocales.Default;
        var item = new QueueItem(ConversationIds.Encode(conversationKey), to.Channel, locale, state.Escalation?.Reason, state.Escalation?.Detail,
            state.Escalation?.RequestedAt, state.HandoffOwner, state.LastInboundAt);
        var lines = await transcripts.ListAsync(conversationKey, 0, cancellationToken).ConfigureAwait(false);
        var window = ServiceWindow.For(to.Channel, state.LastInboundAt, now);
        var patronId = HandoffKeys.PatronIdKeys.Select(k => state.Values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var patron = patronId is null ? null : await PatronAsync(conversationKey, patronId, cancellationToken).ConfigureAwait(false);
        return new ConversationView(
            Entry(item, now),
            [.. lines.Select(l => new TranscriptLineView(l.Id, l.At, l.Author.ToString(), l.Staff, l.Text))],
            Window(window),
            patron,
            [.. Enumerable.Range(1, CannedReplyCount).Select(n => text.Get($"Handoff.Canned.{n}", locale))]);
    }

    public static WindowView Window(ServiceWindow window) => new(window.IsOpen, !window.IsOpen, window.ClosesAt, window.Rule);

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
