using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// One message to send, as the outbox hands it to a channel sender.
/// <paramref name="OutboxId"/> is stable across retries (use it as an idempotency tag where the channel has one).
/// <paramref name="LastInboundAt"/> is when the patron last wrote to us on this channel (for service windows).
/// </summary>
public sealed record OutboundEnvelope(
    long OutboxId,
    ConversationRef To,
    OutboundMessage Message,
    string Locale,
    DateTimeOffset? LastInboundAt,
    int Attempt);
