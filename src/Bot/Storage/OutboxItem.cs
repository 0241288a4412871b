using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// A stored reply, as the dispatcher and staff see it. <see cref="InboundDedupeKey"/> names the activity whose turn
/// produced it and <see cref="TraceParent"/> that turn's span (telemetry only).
/// </summary>
public sealed record OutboxItem(
    long Id,
    ConversationRef To,
    OutboundMessage Message,
    string Locale,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastInboundAt,
    string? ChannelMessageId = null,
    DeliveryState? DeliveryState = null,
    string? ErrorCode = null,
    string? Reason = null,
    string? InboundDedupeKey = null,
    string? TraceParent = null);
