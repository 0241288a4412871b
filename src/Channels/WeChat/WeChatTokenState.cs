namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The access-token holder's state: until when the cached token is used without refreshing (null: none fetched yet),
/// and the last refresh failure since the last success (errcode, or null when the API could not be reached).
/// </summary>
internal sealed record WeChatTokenState(DateTimeOffset? FreshUntil, int? FailedErrCode, DateTimeOffset? FailedAt)
{
    public bool LastRefreshFailed => FailedAt is not null;
}
