using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// The durable outbox. Replies are added by <see cref="IConversationStore.CommitTurnAsync"/> together with the
/// turn's state; this interface is the dispatcher's and staff's view of them.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Pending replies that may be sent now: for each conversation only its oldest pending reply (order per
    /// conversation), and only when its retry time and hold-back time have passed. Claims them for
    /// <paramref name="leaseFor"/> so another dispatcher does not send them too.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(string workerId, int maxItems, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Lifts the claims <paramref name="workerId"/> still holds (a process of the same identity that was killed while
    /// sending), so its replies are due at once rather than when the leases lapse; returns how many. Call it only before
    /// this identity claims anything.
    /// </summary>
    Task<int> ReleaseClaimsAsync(string workerId, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, string channelMessageId, DateTimeOffset now, CancellationToken cancellationToken);

    Task ScheduleRetryAsync(long id, DateTimeOffset nextAttemptAt, string reason, string? errorCode, CancellationToken cancellationToken);

    /// <summary>Stops a reply for good (<see cref="OutboxStatus.Failed"/>) or keeps it for staff (<see cref="OutboxStatus.Held"/>), with the reason.</summary>
    Task MarkStoppedAsync(long id, OutboxStatus status, string reason, string? errorCode, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a channel delivery receipt to the reply it refers to. Receipts may arrive in any order; the most
    /// advanced state wins (failed over read over delivered over sent). Returns the updated item, or null when unknown.
    /// </summary>
    Task<OutboxItem?> ApplyDeliveryStatusAsync(DeliveryStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the first pending reply produced by the turn of <paramref name="inboundDedupeKey"/> to be delivered in
    /// the webhook's response; null when there is none (or it was already sent).
    /// </summary>
    Task<OutboundMessage?> TryClaimPassiveReplyAsync(string inboundDedupeKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records what a send did to the recipient's standing (unreachable, opted out, channel alert).</summary>
    Task RecordRecipientEffectAsync(string conversationKey, RecipientEffect effect, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replies not yet sent or stopped (due now or waiting for a retry), across all conversations (for metrics).</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>A conversation's replies, oldest first (for staff and tests).</summary>
    Task<IReadOnlyList<OutboxItem>> ListAsync(string conversationKey, CancellationToken cancellationToken);
}
