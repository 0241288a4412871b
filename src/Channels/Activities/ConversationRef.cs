namespace LibraryBot.Channels.Activities;

/// <summary>
/// Where a conversation lives: the channel, the library's account on it (WhatsApp phone number id,
/// WeChat original id) and the patron's id on that channel (WhatsApp number or business-scoped id, WeChat OpenID).
/// </summary>
public sealed record ConversationRef(ChannelId Channel, string AccountId, string UserId)
{
    /// <summary>A stable key, unique across channels and accounts; also the storage partition key.</summary>
    public string Key => $"{ChannelPrefix(Channel)}:{AccountId}:{UserId}";

    public static string ChannelPrefix(ChannelId channel) => channel switch
    {
        ChannelId.WhatsApp => "wa",
        ChannelId.WeChat => "wx",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
