using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// A recipient with what became of its message: the outbox status of the reply its turn sent and the most advanced
/// receipt the channel reported for it (both null before the turn ran or when nothing was sent), and the channel's error
/// code and text when it failed.
/// </summary>
public sealed record RecipientDelivery(BroadcastRecipient Recipient, OutboxStatus? Delivery, string? ErrorCode, string? Error, DeliveryState? Receipt = null);
