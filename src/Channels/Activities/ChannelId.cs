namespace LibraryBot.Channels.Activities;

/// <summary>The messaging channels a patron can reach the library on.</summary>
public enum ChannelId
{
    WhatsApp,
    WeChat,
    /// <summary>Text messages (SMS) through Twilio: account = the library's number (E.164), user = the patron's number (E.164).</summary>
    Sms,
}
