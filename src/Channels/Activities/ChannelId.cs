namespace LibraryBot.Channels.Activities;

/// <summary>The messaging channels a patron can reach the library on.</summary>
public enum ChannelId
{
    WhatsApp,
    WeChat,
}
