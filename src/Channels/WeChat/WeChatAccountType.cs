namespace LibraryBot.Channels.WeChat;

/// <summary>The kind of official account: only service accounts (服务号) may send template messages.</summary>
public enum WeChatAccountType
{
    Subscription,
    Service,
}
