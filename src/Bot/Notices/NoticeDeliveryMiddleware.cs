using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// The chat's turn for a notice digest: consent is checked again, every notice is checked again with the library system
/// (a hold already collected, a loan already renewed or returned is skipped), and what is still true leaves as one
/// message in the chat's language through the outbox — committed with the turn, so exactly once.
/// </summary>
public sealed class NoticeDeliveryMiddleware(
    INoticeStore store,
    PatronConsent consent,
    ICatalogue catalogue,
    IOptions<NoticeOptions> options,
    IOptions<BotOptions> bot,
    ILogger<NoticeDeliveryMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.Activity.Event is not { Kind: ChannelEventKind.Notice, Value: { } digestId })
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Handled = true;
        if (await store.FindDigestAsync(digestId, cancellationToken).ConfigureAwait(false) is not { } digest)
        {
            return;
        }

        var now = context.Clock.GetUtcNow();
        if (!await consent.IsGrantedAsync(context.Activity.Conversation, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false))
        {
            await store.MarkAsync(digest.Id, digest.Notices.ToDictionary(n => n.Key, _ => (NoticeStatus.Skipped, (string?)"notices turned off before sending")), now, cancellationToken).ConfigureAwait(false);
            return;
        }

        HashSet<string> stillTrue;
        try
        {
            stillTrue = await StillTrueAsync(context, digest, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogueException ex)
        {
            // Nothing unconfirmed is sent; the next run plans these notices again.
            NoticesLog.AccountUnavailable(logger, ex.Kind.ToString());
            await store.ForgetAsync(digest.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var send = digest.Notices.Where(n => stillTrue.Contains(n.Key)).ToList();
        if (send.Count > 0)
        {
            context.Send(NoticeComposer.Compose(context, send, bot.Value.LibraryName));
            NoticeRenewals.Remember(context.State, send, now);
        }

        await store.MarkAsync(digest.Id, digest.Notices.ToDictionary(
            n => n.Key,
            n => stillTrue.Contains(n.Key) ? (NoticeStatus.Queued, (string?)null) : (NoticeStatus.Skipped, "no longer true when checked before sending")), now, cancellationToken).ConfigureAwait(false);
        NoticesLog.DigestDelivered(logger, digest.Id, send.Count, digest.Notices.Count - send.Count);
    }

    /// <summary>
    /// The keys the library system still calls for today, for the cards still linked to the chat; and the notices staff
    /// sent (a pickup notice), which the library system is not asked about.
    /// </summary>
    private async Task<HashSet<string>> StillTrueAsync(TurnContext context, NoticeDigest digest, CancellationToken cancellationToken)
    {
        var fromStaff = digest.Notices.Where(n => n.Kind == NoticeKind.PickupReady).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        if (fromStaff.Count == digest.Notices.Count)
        {
            return fromStaff;
        }

        var linked = LinkedCards.All(context.State).Select(c => c.PatronId).ToHashSet(StringComparer.Ordinal);
        var today = await LibraryClock.TodayAsync(catalogue, context.Clock, cancellationToken).ConfigureAwait(false);
        var keys = fromStaff;
        foreach (var patronId in digest.Notices.Where(n => !fromStaff.Contains(n.Key)).Select(n => n.PatronId).Distinct(StringComparer.Ordinal).Where(linked.Contains))
        {
            var account = await catalogue.GetAccountAsync(patronId, cancellationToken).ConfigureAwait(false);
            keys.UnionWith(NoticePlanner.Plan(account, today, options.Value).Select(n => n.Key));
        }

        return keys;
    }
}
