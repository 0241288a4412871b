using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// A recipient with what became of its message: the outbox's most advanced receipt for the reply its turn sent (null
/// before the turn ran or when nothing was sent), and the channel's error code when it failed.
/// </summary>
public sealed record RecipientDelivery(BroadcastRecipient Recipient, OutboxStatus? Delivery, string? ErrorCode, string? Error);
