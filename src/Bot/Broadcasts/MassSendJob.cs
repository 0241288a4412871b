namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// One WeChat mass send by OpenID list for a broadcast: the <see cref="ClientMsgId"/> we chose (a retry with the same id
/// is never sent twice by WeChat), the <see cref="MsgId"/> WeChat answered, how many OpenIDs it carried, and the
/// counts of its <c>MASSSENDJOBFINISH</c> event once it arrives.
/// </summary>
public sealed record MassSendJob(
    string BroadcastId,
    string ClientMsgId,
    string? MsgId,
    int Recipients,
    DateTimeOffset CreatedAt,
    string? FinishStatus = null,
    int? SentCount = null,
    int? ErrorCount = null,
    int? FilterCount = null);
