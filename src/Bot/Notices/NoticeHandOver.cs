using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Inbox;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Hands digests already in the ledger to their chats: each becomes an inbox entry whose turn
/// (<see cref="NoticeDeliveryMiddleware"/>) checks consent again and sends it through the outbox. The inbox drops an
/// entry it already has (same dedupe key), so handing a digest over twice sends it once.
/// </summary>
public sealed class NoticeHandOver(InboxWriter inbox, TimeProvider clock)
{
    /// <summary>Returns how many digests were handed over.</summary>
    public async Task<int> HandOverAsync(IReadOnlyList<NoticeDigest> digests, CancellationToken cancellationToken)
    {
        if (digests.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var activities = new List<Activity>(digests.Count);
        foreach (var digest in digests)
        {
            if (ConversationIds.TryParseRef(digest.ConversationKey, out var address))
            {
                activities.Add(new Activity
                {
                    Conversation = address,
                    Type = ActivityType.Event,
                    Event = new ChannelEvent(ChannelEventKind.Notice, digest.Id),
                    DedupeKey = digest.DedupeKey,
                    Timestamp = now,
                });
            }
        }

        await inbox.AcceptAsync(activities, cancellationToken).ConfigureAwait(false);
        return activities.Count;
    }
}
