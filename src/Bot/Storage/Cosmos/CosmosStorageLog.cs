using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>Log messages of the Cosmos DB store (event ids 1100-1119). Conversation keys are hashed.</summary>
internal static partial class CosmosStorageLog
{
    [LoggerMessage(1100, LogLevel.Information, "Cosmos DB container {Database}/{Container} ready (created: {Created})")]
    public static partial void ContainerReady(ILogger logger, string database, string container, bool created);

    [LoggerMessage(1101, LogLevel.Warning, "Inbox entry {Sequence} of conversation {Conversation} was consumed by a committed turn but not marked; marked now")]
    public static partial void InboxEntryRepaired(ILogger logger, long sequence, string conversation);

    [LoggerMessage(1102, LogLevel.Warning, "Gave up updating conversation {Conversation} after {Attempts} conflicting writes")]
    public static partial void UpdateGaveUp(ILogger logger, string conversation, int attempts);
}
