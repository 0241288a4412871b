using System.Globalization;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// "Your book is ready for collection at …" for many patrons at once, from card or phone numbers a librarian pasted:
/// a preview of who gets it on which chat and who cannot be reached and why, then sending through the notice ledger
/// (one notice per patron, branch and library day, so sending the same batch twice notifies nobody twice), the same
/// consent check and the same delivery turn as scheduled notices.
/// </summary>
public sealed class PickupBatch(
    ICatalogue catalogue,
    IPatronChats chats,
    PatronConsent consent,
    INoticeStore store,
    NoticeHandOver handOver,
    TimeProvider clock,
    ILogger<PickupBatch> logger)
{
    public async Task<PickupBatchPlan> PreviewAsync(IReadOnlyList<PickupBatchEntry> entries, Branch branch, CancellationToken cancellationToken)
    {
        // The library day at the branch where the items wait: one notice per patron, branch and day.
        var day = DateOnly.FromDateTime(LibraryClock.Now(clock, branch.TimeZone).DateTime);
        var recipients = new List<PickupBatchRecipient>();
        var problems = new List<PickupBatchProblem>();
        var seen = new Dictionary<(string Chat, string Patron), int>();
        foreach (var entry in entries)
        {
            var (targets, problem) = entry.Kind switch
            {
                PickupBatchEntryKind.Card => await ByCardAsync(entry.Value, cancellationToken).ConfigureAwait(false),
                PickupBatchEntryKind.Phone => await ByPhoneAsync(entry.Value, cancellationToken).ConfigureAwait(false),
                _ => ([], entry.Problem),
            };
            var reachable = new List<(PatronChat Chat, string PatronId, string Name)>();
            var silent = new List<PatronChat>();
            foreach (var target in targets)
            {
                if (await consent.IsGrantedAsync(target.Chat.Address, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false))
                {
                    reachable.Add(target);
                }
                else
                {
                    silent.Add(target.Chat);
                }
            }

            if (reachable.Count == 0)
            {
                problems.Add(new PickupBatchProblem(entry, problem ?? NoConsent(silent)));
                continue;
            }

            foreach (var (chat, patronId, name) in reachable)
            {
                if (seen.TryGetValue((chat.Address.Key, patronId), out var line))
                {
                    problems.Add(new PickupBatchProblem(entry, $"the same patron and chat as line {line}: told once"));
                    continue;
                }

                seen[(chat.Address.Key, patronId)] = entry.Line;
                var notice = Notice(patronId, name, branch, day);
                var planned = await store.PlannedKeysAsync([chat.Address.Key], cancellationToken).ConfigureAwait(false);
                var sentBefore = planned.TryGetValue(chat.Address.Key, out var keys) && keys.Contains(notice.Key);
                recipients.Add(new PickupBatchRecipient(entry, chat, notice, sentBefore ? PickupRecipientStatus.AlreadySent : PickupRecipientStatus.Ready));
            }
        }

        return new PickupBatchPlan(branch, day, recipients, problems);
    }

    /// <summary>Writes the ready notices to the ledger (one digest per chat) and hands them to their chats.</summary>
    public async Task<PickupBatchPlan> SendAsync(PickupBatchPlan preview, CancellationToken cancellationToken)
    {
        var batchId = "batch-" + Guid.NewGuid().ToString("N")[..12];
        var now = clock.GetUtcNow();
        var digests = await store.PlanAsync(
            [.. preview.Recipients.Where(r => r.Status == PickupRecipientStatus.Ready).GroupBy(r => r.Chat.Address.Key)
                .Select(chat => new NoticeDigest(Guid.NewGuid().ToString("N"), chat.Key, batchId, now, [.. chat.Select(r => r.Notice)]))],
            cancellationToken).ConfigureAwait(false);

        await handOver.HandOverAsync(digests, cancellationToken).ConfigureAwait(false);
        var queued = digests.SelectMany(d => d.Notices.Select(n => (d.ConversationKey, n.Key))).ToHashSet();
        var recipients = preview.Recipients.Select(r => r with
        {
            Status = queued.Contains((r.Chat.Address.Key, r.Notice.Key)) ? PickupRecipientStatus.Queued : PickupRecipientStatus.AlreadySent,
        }).ToList();
        NoticesLog.PickupBatchSent(logger, batchId, queued.Count, recipients.Count - queued.Count, preview.Problems.Count);
        return preview with { Recipients = recipients, BatchId = batchId };
    }

    private async Task<(IReadOnlyList<(PatronChat Chat, string PatronId, string Name)> Targets, string? Problem)> ByCardAsync(
        string card, CancellationToken cancellationToken)
    {
        PatronIdentity? patron;
        try
        {
            patron = await catalogue.FindPatronByCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogueException ex)
        {
            NoticesLog.AccountUnavailable(logger, ex.Kind.ToString());
            return ([], "the library system could not be asked about this card; try again in a moment");
        }

        if (patron is null)
        {
            // A phone number written without "+" looks like a card number: try it as one before calling it unknown.
            if (card.Length is >= 8 and <= 15 && await ByPhoneAsync(card, cancellationToken).ConfigureAwait(false) is { Targets.Count: > 0 } asPhone)
            {
                return asPhone;
            }

            return ([], "unknown card: the library system has no patron with this card number");
        }

        var linked = await chats.LinkedToAsync(patron.PatronId, cancellationToken).ConfigureAwait(false);
        return linked.Count == 0
            ? ([], $"no linked chat: {patron.FirstName} has not linked this card on WhatsApp or WeChat")
            : ([.. linked.Select(c => (c, patron.PatronId, patron.FirstName))], null);
    }

    private async Task<(IReadOnlyList<(PatronChat Chat, string PatronId, string Name)> Targets, string? Problem)> ByPhoneAsync(
        string digits, CancellationToken cancellationToken)
    {
        var found = await chats.WithPhoneAsync(digits, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return ([], "no chat with this number: the patron has not written to the library on WhatsApp");
        }

        // The card in use in that chat is the patron the notice greets.
        var withCard = found.Where(c => c.Cards.Count > 0).ToList();
        return withCard.Count == 0
            ? ([], "no library card linked in the chat with this number: paste the card number instead")
            : ([.. withCard.Select(c => (c, c.Cards[0].PatronId, c.Cards[0].FirstName))], null);
    }

    private static string NoConsent(IReadOnlyList<PatronChat> chats) =>
        "no notice consent: notices are not turned on in the patron's "
        + string.Join(" or ", chats.Select(c => c.Address.Channel == ChannelId.WeChat ? "WeChat" : "WhatsApp").Distinct()) + " chat";

    private static PlannedNotice Notice(string patronId, string name, Branch branch, DateOnly day) =>
        new($"{NoticeKind.PickupReady}:{patronId}:{branch.BranchId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            NoticeKind.PickupReady, patronId, name, string.Empty, string.Empty, branch.Name, day);
}
