using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// WeChat followers outside their 48-hour customer-service window cannot get a customer-service message: they get the
/// broadcast in a mass send by OpenID list, one per language, within the account's quota. Each mass send is recorded
/// (its recipients marked, its clientmsgid stored) before WeChat is called, so a retry after a crash uses the same
/// clientmsgid and WeChat never sends it twice; <c>MASSSENDJOBFINISH</c> later fills in the funnel. A mass send needs two
/// followers: one left alone at the end of the audience is excluded with that reason.
/// </summary>
public sealed class WeChatMassDelivery(
    IBroadcastStore store,
    IConversationStore conversations,
    BroadcastConsent consent,
    BroadcastComposer composer,
    IOptions<BotOptions> bot,
    TimeProvider clock,
    ILogger<WeChatMassDelivery> logger,
    WeChatMassSender? sender = null)
{
    private const string WeChat = "wechat";

    /// <summary>
    /// Sends the WeChat recipients outside the window by mass send and returns the rest, for their chats' turns, and
    /// how many recipients were dealt with. <paramref name="tail"/>: these are the last pending recipients (a lone
    /// follower outside the window is then excluded rather than kept for the next batch).
    /// </summary>
    public async Task<(IReadOnlyList<BroadcastRecipient> ForTurns, int Handled)> SeparateAsync(
        Broadcast broadcast, IReadOnlyList<BroadcastRecipient> pending, bool tail, CancellationToken cancellationToken)
    {
        var weChat = pending.Where(r => r.Channel == WeChat).ToList();
        if (sender is null || weChat.Count == 0)
        {
            return (pending, pending.Count);
        }

        var now = clock.GetUtcNow();
        var states = await conversations.LoadManyAsync(weChat.Select(r => r.ConversationKey).ToList(), cancellationToken).ConfigureAwait(false);
        var outside = weChat.Where(r => !(states.GetValueOrDefault(r.ConversationKey)?.State.LastInboundAt is { } last && now - last < AudiencePlanner.WeChatWindow))
            .Select(r => r.ConversationKey).ToHashSet(StringComparer.Ordinal);
        var forTurns = pending.Where(r => !outside.Contains(r.ConversationKey)).ToList();
        var handled = forTurns.Count;

        foreach (var language in pending.Where(r => outside.Contains(r.ConversationKey)).GroupBy(r => r.Language))
        {
            var consenting = new List<BroadcastRecipient>();
            foreach (var recipient in language)
            {
                var refusal = ConversationIds.TryParseRef(recipient.ConversationKey, out var address)
                    ? await consent.RefusalAsync(address, broadcast, cancellationToken).ConfigureAwait(false)
                    : "not a chat address";
                if (refusal is null)
                {
                    consenting.Add(recipient);
                }
                else
                {
                    await store.MarkAsync(broadcast.Id, [recipient.ConversationKey], RecipientStatus.Skipped, refusal, now, cancellationToken).ConfigureAwait(false);
                    handled++;
                }
            }

            if (consenting.Count >= WeChatMassSender.MinOpenIds)
            {
                await MassSendAsync(broadcast, consenting, cancellationToken).ConfigureAwait(false);
                handled += consenting.Count;
            }
            else if (consenting.Count == 1 && tail)
            {
                await store.MarkAsync(broadcast.Id, [consenting[0].ConversationKey], RecipientStatus.Excluded, ExclusionReasons.WeChatSingle, now, cancellationToken).ConfigureAwait(false);
                handled++;
            }
        }

        return (forTurns, handled);
    }

    /// <summary>Calls WeChat again for the broadcast's mass sends that never got a msg_id (the process stopped, or WeChat was busy).</summary>
    public async Task RetryUnansweredAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (sender is null)
        {
            return;
        }

        foreach (var job in (await store.MassSendsAsync(broadcast.Id, cancellationToken).ConfigureAwait(false)).Where(j => j.MsgId is null))
        {
            var recipients = new List<BroadcastRecipient>();
            for (var offset = 0; ; offset += 1000)
            {
                var page = await store.RecipientsAsync(broadcast.Id, RecipientStatus.MassSend, offset, 1000, cancellationToken).ConfigureAwait(false);
                recipients.AddRange(page.Select(p => p.Recipient).Where(r => r.Reason == job.ClientMsgId));
                if (page.Count < 1000)
                {
                    break;
                }
            }

            if (recipients.Count > 0)
            {
                await CallAsync(broadcast, job.ClientMsgId, recipients, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task MassSendAsync(Broadcast broadcast, List<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var chunk in recipients.Chunk(WeChatMassSender.MaxOpenIds))
        {
            var jobs = await store.MassSendsAsync(broadcast.Id, cancellationToken).ConfigureAwait(false);
            var clientMsgId = $"{broadcast.Id}-{jobs.Count + 1}";
            var now = clock.GetUtcNow();
            await store.MarkAsync(broadcast.Id, chunk.Select(r => r.ConversationKey).ToList(), RecipientStatus.MassSend, clientMsgId, now, cancellationToken).ConfigureAwait(false);
            await store.AddMassSendAsync(new MassSendJob(broadcast.Id, clientMsgId, null, chunk.Length, now), cancellationToken).ConfigureAwait(false);
            await CallAsync(broadcast, clientMsgId, chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CallAsync(Broadcast broadcast, string clientMsgId, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        var openIds = new List<string>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (ConversationIds.TryParseRef(recipient.ConversationKey, out var address))
            {
                openIds.Add(address.UserId);
            }
        }

        var text = composer.Compose(broadcast, recipients[0].Language, bot.Value.LibraryName).Text;
        var outcome = await sender!.SendTextAsync(openIds, text, clientMsgId, cancellationToken).ConfigureAwait(false);
        var keys = recipients.Select(r => r.ConversationKey).ToList();
        var now = clock.GetUtcNow();
        if (outcome.Accepted)
        {
            await store.SetMassSendMsgIdAsync(broadcast.Id, clientMsgId, outcome.MsgId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            BroadcastsLog.MassSend(logger, broadcast.Id, clientMsgId, openIds.Count, "accepted");
        }
        else if (outcome.ErrCode == WeChatMassSendOutcome.NoMassSendQuota)
        {
            await store.MarkAsync(broadcast.Id, keys, RecipientStatus.Excluded, ExclusionReasons.WeChatQuota, now, cancellationToken).ConfigureAwait(false);
            BroadcastsLog.MassSend(logger, broadcast.Id, clientMsgId, openIds.Count, "no mass-send quota (45028)");
        }
        else if (!outcome.Retryable)
        {
            await store.MarkAsync(broadcast.Id, keys, RecipientStatus.Skipped, $"WeChat refused the mass send ({outcome.ErrCode})", now, cancellationToken).ConfigureAwait(false);
            BroadcastsLog.MassSend(logger, broadcast.Id, clientMsgId, openIds.Count, $"refused ({outcome.ErrCode})");
        }
        else
        {
            BroadcastsLog.MassSend(logger, broadcast.Id, clientMsgId, openIds.Count, $"to retry ({outcome.ErrCode})");
        }
    }
}
