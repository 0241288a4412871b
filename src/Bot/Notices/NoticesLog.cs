using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Notices;

/// <summary>Notice log lines: counts and ids only, never a patron, an address or a title.</summary>
internal static partial class NoticesLog
{
    [LoggerMessage(1701, LogLevel.Information, "Notice run {RunId} ({Trigger}): {Chats} chats, {Notices} notices in {Digests} digests, {Resumed} handed over again")]
    public static partial void RunFinished(ILogger logger, string runId, string trigger, int chats, int notices, int digests, int resumed);

    [LoggerMessage(1702, LogLevel.Information, "Notice run {RunId}: quiet hours, nothing planned")]
    public static partial void RunQuiet(ILogger logger, string runId);

    [LoggerMessage(1703, LogLevel.Warning, "Notice run: a patron's account could not be read ({Kind}); that chat waits for the next run")]
    public static partial void AccountUnavailable(ILogger logger, string kind);

    [LoggerMessage(1704, LogLevel.Warning, "Scheduled notice run failed ({Error}); the next one is in {Minutes} minutes")]
    public static partial void ScheduledRunFailed(ILogger logger, string error, int minutes);

    [LoggerMessage(1705, LogLevel.Information, "Notice digest {DigestId}: {Sent} sent, {Skipped} skipped after checking with the library system")]
    public static partial void DigestDelivered(ILogger logger, string digestId, int sent, int skipped);

    [LoggerMessage(1706, LogLevel.Information, "Notice digest {DigestId}: handed to SMS ({Why})")]
    public static partial void HandedToSms(ILogger logger, string digestId, string why);

    [LoggerMessage(1707, LogLevel.Information, "Notice digest {DigestId}: not sent by SMS ({Reason})")]
    public static partial void SmsFallbackSkipped(ILogger logger, string digestId, string reason);

    [LoggerMessage(1708, LogLevel.Warning, "Notice run: the lease was held by a process of this machine that is no longer running; taken over")]
    public static partial void LeaseTakenOver(ILogger logger);

    [LoggerMessage(1709, LogLevel.Information, "Pickup batch {BatchId}: {Queued} notices queued, {AlreadySent} sent before, {Unreachable} entries unreachable")]
    public static partial void PickupBatchSent(ILogger logger, string batchId, int queued, int alreadySent, int unreachable);
}
