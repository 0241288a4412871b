using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// A reply to be sent, as a turn produces it. <paramref name="NotBefore"/> holds it back (for a passive reply window);
/// <paramref name="InboundDedupeKey"/> names the activity whose turn produced it.
/// </summary>
public sealed record OutboundRecord(
    ConversationRef To,
    OutboundMessage Message,
    string Locale,
    string? InboundDedupeKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore = null);
