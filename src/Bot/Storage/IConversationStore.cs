using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// Conversation state with optimistic concurrency. One partition per conversation: a conversation's state and its
/// pending replies can be stored as one document (Cosmos DB), or as rows in one transaction (SQLite).
/// </summary>
public interface IConversationStore
{
    /// <summary>The stored state, or null when the conversation is new.</summary>
    Task<ConversationSnapshot?> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>The stored state of several conversations at once (a notice run's batch); new conversations are left out.</summary>
    Task<IReadOnlyDictionary<string, ConversationSnapshot>> LoadManyAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a turn atomically. Throws <see cref="ConcurrencyConflictException"/> when the stored version is not
    /// <see cref="TurnCommit.ExpectedETag"/> (null = must not exist yet) or the inbox entry was already consumed.
    /// Returns the new ETag.
    /// </summary>
    Task<string> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// A patron's data removal: replaces the state with <paramref name="residue"/> (what must be kept to honour the
    /// patron's choices), deletes the replies already sent or stopped and the consumed inbox entries. Pending replies
    /// (the confirmation) and messages not yet processed stay. Does nothing for an unknown conversation.
    /// </summary>
    Task EraseAsync(string conversationKey, ConversationState residue, CancellationToken cancellationToken);
}
