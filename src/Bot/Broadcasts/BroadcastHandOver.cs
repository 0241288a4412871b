using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Inbox;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Hands recipients to their chats: each becomes an inbox entry (dedupe key per broadcast and chat) whose turn
/// (<see cref="BroadcastDeliveryMiddleware"/>) checks consent again and sends. The inbox drops an entry it already has, so
/// handing a recipient over twice — after a crash, or by a second instance — sends once. Recipients are marked handed
/// over before the inbox gets them (the turn may run at once and mark them queued); after a crash, those marked but
/// possibly never written are handed over again (<see cref="AgainAsync"/>).
/// </summary>
public sealed class BroadcastHandOver(InboxWriter inbox, IBroadcastStore store, TimeProvider clock)
{
    public async Task HandOverAsync(string broadcastId, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        await store.MarkAsync(broadcastId, recipients.Select(r => r.ConversationKey).ToList(), RecipientStatus.HandedOver, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await AgainAsync(broadcastId, recipients, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the recipients' inbox entries (the inbox drops those it already has).</summary>
    public async Task AgainAsync(string broadcastId, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var activities = new List<Activity>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (ConversationIds.TryParseRef(recipient.ConversationKey, out var address))
            {
                activities.Add(new Activity
                {
                    Conversation = address,
                    Type = ActivityType.Event,
                    Event = new ChannelEvent(ChannelEventKind.Broadcast, broadcastId),
                    DedupeKey = BroadcastKeys.DedupeKey(broadcastId, recipient.ConversationKey),
                    Timestamp = now,
                });
            }
        }

        await inbox.AcceptAsync(activities, cancellationToken).ConfigureAwait(false);
    }
}
