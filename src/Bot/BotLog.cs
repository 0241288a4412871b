using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot;

/// <summary>The Bot project's log messages (event ids 1xxx). Conversation ids are hashed; no message text, numbers or PINs.</summary>
internal static partial class BotLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Turn completed for conversation {Conversation}: {Replies} replies, attempt {Attempt}")]
    public static partial void TurnCompleted(ILogger logger, string conversation, int replies, int attempt);

    [LoggerMessage(1002, LogLevel.Information, "Turn for conversation {Conversation} conflicted with another turn (attempt {Attempt}); retrying from a fresh load")]
    public static partial void TurnConflict(ILogger logger, string conversation, int attempt);

    [LoggerMessage(1003, LogLevel.Error, "Turn failed for conversation {Conversation} ({ErrorType})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string conversation, string errorType);

    [LoggerMessage(1004, LogLevel.Warning, "Inbox processing is disabled in this process (Inbox:ProcessingEnabled=false)")]
    public static partial void InboxProcessingDisabled(ILogger logger);

    [LoggerMessage(1005, LogLevel.Error, "Claiming inbox entries failed")]
    public static partial void InboxClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Error, "Claiming outbox entries failed")]
    public static partial void OutboxClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "The sender threw for conversation {Conversation}; will retry")]
    public static partial void SendThrew(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1012, LogLevel.Information, "Send to conversation {Conversation} failed transiently (attempt {Attempt}, code {Code}); retrying in {DelaySeconds:F1} s")]
    public static partial void SendRetry(ILogger logger, string conversation, int attempt, string? code, double delaySeconds);

    [LoggerMessage(1013, LogLevel.Warning, "Send to conversation {Conversation} stopped: {Status} (code {Code})")]
    public static partial void SendStopped(ILogger logger, string conversation, string status, string? code);

    [LoggerMessage(1014, LogLevel.Debug, "Delivery receipt ({State}) for a message this store does not know")]
    public static partial void DeliveryStatusUnknown(ILogger logger, string state);

    [LoggerMessage(1015, LogLevel.Warning, "Delivery to conversation {Conversation} failed asynchronously (code {Code}): {Action}")]
    public static partial void DeliveryFailed(ILogger logger, string conversation, string? code, string action);

    [LoggerMessage(1016, LogLevel.Debug, "Read receipt for conversation {Conversation} failed")]
    public static partial void ReadReceiptFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1017, LogLevel.Warning, "Took back {Count} replies this instance was sending when it last stopped; sending them now")]
    public static partial void OutboxClaimsTakenBack(ILogger logger, int count);

    [LoggerMessage(1020, LogLevel.Information, "LibraryBot is running in SANDBOX mode: open {Url} to chat with it")]
    public static partial void SandboxUrl(ILogger logger, string url);

    [LoggerMessage(1030, LogLevel.Warning, "Counting the inbox and outbox backlog for metrics failed ({ErrorType})")]
    public static partial void BacklogSampleFailed(ILogger logger, string errorType);
}
