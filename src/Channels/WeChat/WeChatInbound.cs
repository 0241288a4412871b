using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.WeChat;

/// <summary>A mapped inbound payload and whether WeChat lets us answer it in the HTTP response.</summary>
internal sealed record WeChatInbound(Activity Activity, bool CanReplyPassively);
