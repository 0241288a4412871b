using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// What one turn changes, committed atomically: the conversation's new state (against the version it was loaded at),
/// the replies for the outbox, and the inbox entry the turn consumed (its payload is erased).
/// </summary>
public sealed record TurnCommit(
    string ConversationKey,
    string? ExpectedETag,
    ConversationState State,
    IReadOnlyList<OutboundRecord> Outbound,
    long? InboxSequence);
