namespace LibraryBot.Channels.Sms;

/// <summary>Who carries the library's text messages.</summary>
public enum SmsProvider
{
    /// <summary>No SMS (outside the sandbox): the webhooks are not mapped and nothing is sent.</summary>
    None,
    /// <summary>Twilio Programmable Messaging (REST API 2010-04-01).</summary>
    Twilio,
}
