namespace LibraryBot.Channels.Sms;

/// <summary>
/// The Twilio credentials and number used in sandbox mode when no <c>Channels:Sms:AccountSid</c> is configured. They
/// are public on purpose: they only unlock the fake Twilio API at <c>/sandbox/twilio</c> of a sandboxed server.
/// </summary>
public static class SmsSandboxDefaults
{
    public const string AccountSid = "AC11b7ab075a4db0c0de5a4db0c0de5a4d";

    public const string AuthToken = "librarybot-sandbox-twilio-token";

    /// <summary>The library's sandbox SMS number.</summary>
    public const string From = "+15550001234";

    /// <summary>Where the fake Twilio REST API lives, relative to the server's own address.</summary>
    public const string ApiPath = "/sandbox/twilio";

    /// <summary>Where the SMS simulator endpoints live (<c>/simulate</c>, <c>/messages</c>).</summary>
    public const string SimulatorPath = "/sandbox/sms";
}
