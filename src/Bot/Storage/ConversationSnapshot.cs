using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Storage;

/// <summary>A conversation's state as loaded, with the version (ETag) to commit against.</summary>
public sealed record ConversationSnapshot(string ConversationKey, ConversationState State, string? ETag);
