namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// The body of <c>POST /sandbox/wechat/simulate</c>: a follower's text, an event (subscribe, unsubscribe, CLICK
/// with its key) or a location, delivered in <paramref name="Mode"/> <c>plain</c> or <c>safe</c> (default).
/// </summary>
internal sealed record WeChatSimulation(
    string OpenId,
    string? Text = null,
    string? Event = null,
    string? EventKey = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Mode = null);
