using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Understanding;

/// <summary>Log messages of the understanding layer (event ids 1600–1699). Never the message text.</summary>
internal static partial class UnderstandingLog
{
    [LoggerMessage(1601, LogLevel.Warning, "The language model did not answer within {TimeoutMs} ms; the local interpretation stands")]
    public static partial void LanguageModelTimedOut(ILogger logger, int timeoutMs);

    [LoggerMessage(1602, LogLevel.Warning, "The language model could not be asked ({Error}); the local interpretation stands")]
    public static partial void LanguageModelFailed(ILogger logger, string error);
}
