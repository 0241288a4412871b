namespace LibraryBot.Channels.WeChat;

/// <summary>
/// What became of one <c>message/mass/send</c> call. <see cref="ErrCode"/> 0 with <see cref="MsgId"/>: accepted; the
/// result comes later in the <c>MASSSENDJOBFINISH</c> event (<see cref="WeChatMassSendResult"/>) with the same msg_id.
/// 45065 with <see cref="MsgId"/>: this clientmsgid was already sent (a retry), <see cref="MsgId"/> is the original
/// send's. <see cref="CalledWeChat"/> is false when we refused the call ourselves (list size, clientmsgid length) or
/// could not reach WeChat (<see cref="ErrCode"/> -1: retry with the same clientmsgid, which never sends twice).
/// </summary>
public sealed record WeChatMassSendOutcome(int ErrCode, string? ErrMsg, long? MsgId, bool CalledWeChat)
{
    /// <summary>System busy, or WeChat unreachable: retry later with the same clientmsgid.</summary>
    public const int SystemBusy = -1;

    /// <summary>The list has fewer than two OpenIDs ("invalid openid list size, at least two openid").</summary>
    public const int TooFewOpenIds = 40130;

    /// <summary>The list has more than 10,000 OpenIDs ("invalid openid list size").</summary>
    public const int InvalidOpenIdListSize = 40032;

    /// <summary>The daily API call quota is used up (reset with clear_quota).</summary>
    public const int DailyApiQuota = 45009;

    /// <summary>The per-minute API quota is used up (mass-send APIs: 60 a minute).</summary>
    public const int MinuteApiQuota = 45011;

    /// <summary>No mass-send quota left (subscription account: one a day).</summary>
    public const int NoMassSendQuota = 45028;

    /// <summary>A mass send with this clientmsgid was already made; <see cref="MsgId"/> is the original.</summary>
    public const int ClientMsgIdExists = 45065;

    /// <summary>The clientmsgid is longer than 64 bytes.</summary>
    public const int ClientMsgIdTooLong = 45067;

    /// <summary>WeChat took the mass send (now or, for a replayed clientmsgid, before).</summary>
    public bool Accepted => (ErrCode == 0 || ErrCode == ClientMsgIdExists) && MsgId is not null;

    /// <summary>Worth trying again later with the same clientmsgid (system busy, unreachable, API rate quotas).</summary>
    public bool Retryable => ErrCode is SystemBusy or DailyApiQuota or MinuteApiQuota;
}
