using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// A reply to be sent, as a turn produces it. <paramref name="NotBefore"/> holds it back (for a passive reply window);
/// <paramref name="InboundDedupeKey"/> names the activity whose turn produced it; <paramref name="TraceParent"/> is that
/// turn's span (W3C <c>traceparent</c>, when tracing is on), which the send continues.
/// </summary>
public sealed record OutboundRecord(
    ConversationRef To,
    OutboundMessage Message,
    string Locale,
    string? InboundDedupeKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore = null,
    string? TraceParent = null);
