using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Log messages of the library conversations (event ids 1400–1499). Conversation ids hashed; no cards, PINs or text.</summary>
internal static partial class ConversationsLog
{
    [LoggerMessage(1401, LogLevel.Warning, "The catalogue failed ({Kind}) during a turn of conversation {Conversation}; the patron was offered a librarian")]
    public static partial void CatalogueFailed(ILogger logger, Exception exception, string kind, string conversation);

    [LoggerMessage(1402, LogLevel.Information, "A card was linked in conversation {Conversation}")]
    public static partial void CardLinked(ILogger logger, string conversation);

    [LoggerMessage(1403, LogLevel.Information, "Card linking refused ({Failure}) in conversation {Conversation}")]
    public static partial void CardRefused(ILogger logger, string failure, string conversation);

    [LoggerMessage(1404, LogLevel.Warning, "Card linking locked out after repeated wrong PINs in conversation {Conversation}")]
    public static partial void CardLockedOut(ILogger logger, string conversation);
}
