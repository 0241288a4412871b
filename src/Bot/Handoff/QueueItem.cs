using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>A conversation waiting for or owned by a librarian, as the queue shows it (no message text, no patron address).</summary>
public sealed record QueueItem(
    string Id,
    ChannelId Channel,
    string Locale,
    EscalationReason? Reason,
    string? Detail,
    DateTimeOffset? RequestedAt,
    string? Owner,
    DateTimeOffset? LastInboundAt);
