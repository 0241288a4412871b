namespace LibraryBot.Channels.Activities;

/// <summary>
/// Where a conversation lives: the channel, the library's account on it (WhatsApp phone number id,
/// WeChat original id, SMS sending number or Messaging Service SID) and the patron's id on that channel (WhatsApp
/// number or business-scoped id, WeChat OpenID, SMS number in E.164).
/// </summary>
public sealed record ConversationRef(ChannelId Channel, string AccountId, string UserId)
{
    /// <summary>A stable key, unique across channels and accounts; also the storage partition key.</summary>
    public string Key => $"{ChannelPrefix(Channel)}:{AccountId}:{UserId}";

    public static string ChannelPrefix(ChannelId channel) => channel switch
    {
        ChannelId.WhatsApp => "wa",
        ChannelId.WeChat => "wx",
        ChannelId.Sms => "sms",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
