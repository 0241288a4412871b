using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Conversations.Notices;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
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
    IConversationStore conversations,
    SmsFallbackRoute sms,
    SmsDigestHandOver smsHandOver,
    IOptions<NoticeOptions> options,
    IOptions<BotOptions> bot,
    BotMetrics metrics,
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
        var (id, subscriberKey) = NoticeDigest.ParseEventValue(digestId, context.Activity.Conversation.Key);
        if (await store.FindDigestAsync(subscriberKey, id, cancellationToken).ConfigureAwait(false) is not { } digest
            || !ConversationIds.TryParseRef(digest.ConversationKey, out var subscriber))
        {
            return;
        }

        // The digest's own chat, or — when its channel could not reach the patron, or the patron chose SMS only — the
        // SMS chat of the patron's number, which speaks for the subscriber's chat: its consent, its linked cards, its language.
        var bySms = !string.Equals(subscriber.Key, context.Activity.Conversation.Key, StringComparison.Ordinal);
        var patron = context.State;
        if (!bySms && sms.SmsOnly(patron) is { } text)
        {
            await smsHandOver.HandOverAsync(digest.Id, subscriber, text, "the patron chose SMS only", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (bySms)
        {
            var subscriberState = (await conversations.LoadAsync(subscriber.Key, cancellationToken).ConfigureAwait(false))?.State;
            var refusal = subscriberState is null ? "the chat was deleted" : await SmsRefusalAsync(context, subscriber, subscriberState, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                NoticesLog.SmsFallbackSkipped(logger, digest.Id, refusal);
                return;
            }

            patron = subscriberState!;
            context.State.Locale ??= patron.Locale;
        }

        var now = context.Clock.GetUtcNow();
        if (!await consent.IsGrantedAsync(subscriber, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false))
        {
            await store.MarkAsync(digest.ConversationKey, digest.Id, digest.Notices.ToDictionary(n => n.Key, _ => (NoticeStatus.Skipped, (string?)"notices turned off before sending")), now, cancellationToken).ConfigureAwait(false);
            return;
        }

        HashSet<string> stillTrue;
        try
        {
            stillTrue = await StillTrueAsync(context, patron, digest, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogueException ex)
        {
            // Nothing unconfirmed is sent; the next run plans these notices again.
            NoticesLog.AccountUnavailable(logger, ex.Kind.ToString());
            await store.ForgetAsync(digest.ConversationKey, digest.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var send = digest.Notices.Where(n => stillTrue.Contains(n.Key)).ToList();
        if (send.Count > 0)
        {
            context.Send(NoticeComposer.Compose(context, send, bot.Value.LibraryName));
            NoticeRenewals.Remember(context.State, send, now);
        }

        var sent = !bySms ? null
            : SmsRoute.Of(patron) is { SmsOnly: true } ? "the patron chose SMS only: sent by SMS"
            : "the chat's channel cannot reach the patron: sent by SMS";
        await store.MarkAsync(digest.ConversationKey, digest.Id, digest.Notices.ToDictionary(
            n => n.Key,
            n => stillTrue.Contains(n.Key) ? (NoticeStatus.Queued, sent) : (NoticeStatus.Skipped, "no longer true when checked before sending")), now, cancellationToken).ConfigureAwait(false);
        foreach (var notice in digest.Notices)
        {
            metrics.Notices(notice.Kind.ToString(), stillTrue.Contains(notice.Key) ? "queued" : "skipped");
        }

        NoticesLog.DigestDelivered(logger, digest.Id, send.Count, digest.Notices.Count - send.Count);
    }

    /// <summary>
    /// Why this number must not get the notice by SMS. A number the patron registered for notices needs its own grant
    /// (given with the number, withdrawn by "stop texting me"); a WhatsApp patron's own number needs words accepted that
    /// said notices may come by SMS, and no "notices off" written by SMS. A STOP texted to the library's number stops
    /// every text message to it (as carriers and Twilio treat it), unless the number was registered again after it.
    /// </summary>
    private async Task<string?> SmsRefusalAsync(TurnContext context, ConversationRef subscriber, ConversationState subscriberState, CancellationToken cancellationToken)
    {
        var address = context.Activity.Conversation;
        var registered = SmsRoute.Of(subscriberState) is { } route && string.Equals(route.Number, address.UserId, StringComparison.Ordinal);
        var notices = await consent.LatestAsync(address, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false);
        if (registered && notices is not { Granted: true })
        {
            return "notices by SMS turned off for this number";
        }

        if (!registered && (await consent.LatestAsync(subscriber, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false) is not { } grant
            || !NoticeConsent.CoversSmsFallback(grant)))
        {
            return "the patron was not told notices may come by SMS";
        }

        var news = await consent.LatestAsync(address, ConsentPurposes.News, cancellationToken).ConfigureAwait(false);
        if (news is { Granted: false, Record.Source: ConsentSource.StopWord } && !(registered && notices!.Record.At > news.Record.At))
        {
            return "the number texted STOP";
        }

        return notices is { Granted: false } ? "notices turned off by SMS" : null;
    }

    /// <summary>
    /// The keys the library system still calls for today, for the cards still linked to the chat; and the notices staff
    /// sent (a pickup notice), which the library system is not asked about.
    /// </summary>
    private async Task<HashSet<string>> StillTrueAsync(TurnContext context, ConversationState patron, NoticeDigest digest, CancellationToken cancellationToken)
    {
        var fromStaff = digest.Notices.Where(n => n.Kind == NoticeKind.PickupReady).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        if (fromStaff.Count == digest.Notices.Count)
        {
            return fromStaff;
        }

        var linked = LinkedCards.All(patron).Select(c => c.PatronId).ToHashSet(StringComparer.Ordinal);
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
