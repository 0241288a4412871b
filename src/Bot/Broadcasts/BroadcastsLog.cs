using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>Broadcast log lines: ids, counts and reasons only — never an address or a message's text.</summary>
public static partial class BroadcastsLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: a recipient was skipped: {Reason}")]
    public static partial void RecipientSkipped(ILogger logger, string broadcastId, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: audience planned: {Recipients} chats, {Excluded} excluded")]
    public static partial void Planned(ILogger logger, string broadcastId, int recipients, int excluded);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Broadcast {BroadcastId} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, string broadcastId, string status);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Broadcast dispatch failed; trying again shortly")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: WeChat mass send {ClientMsgId} to {Recipients} followers: {Outcome}")]
    public static partial void MassSend(ILogger logger, string broadcastId, string clientMsgId, int recipients, string outcome);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Could not tell the consoles that broadcast {BroadcastId} changed")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string broadcastId);
}
