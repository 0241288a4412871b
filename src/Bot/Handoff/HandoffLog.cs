using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Handoff;

/// <summary>The handoff's and console's log messages (event ids 15xx). Conversations hashed; no message text or patron ids.</summary>
internal static partial class HandoffLog
{
    [LoggerMessage(1501, LogLevel.Information, "Created the first staff admin account {Username} from Handoff:Admin")]
    public static partial void AdminCreated(ILogger logger, string username);

    [LoggerMessage(1502, LogLevel.Information, "Transcript sweep: {Deleted} entries deleted, {Masked} masked")]
    public static partial void TranscriptsSwept(ILogger logger, int deleted, int masked);

    [LoggerMessage(1503, LogLevel.Error, "Transcript sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1504, LogLevel.Warning, "Staff sign-in refused for {Username}")]
    public static partial void SignInRefused(ILogger logger, string username);

    [LoggerMessage(1505, LogLevel.Information, "Staff {Username} did {Action} on conversation {Conversation}")]
    public static partial void StaffAction(ILogger logger, string username, string action, string conversation);

    [LoggerMessage(1506, LogLevel.Warning, "Could not read the linked patron's account for conversation {Conversation} ({ErrorType})")]
    public static partial void PatronContextFailed(ILogger logger, string conversation, string errorType);

    [LoggerMessage(1507, LogLevel.Warning, "Could not notify the console about conversation {Conversation}")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string conversation);
}
