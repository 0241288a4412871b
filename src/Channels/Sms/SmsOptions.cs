namespace LibraryBot.Channels.Sms;

/// <summary>
/// <c>Channels:Sms:*</c>. <see cref="Provider"/> <c>None</c> (the default) leaves the channel off, except with
/// <c>Sandbox:Enabled</c>, where it is on and talks to the fake Twilio API built into this server
/// (<see cref="SmsSandboxDefaults"/>). <c>Twilio</c> with an <see cref="AccountSid"/> talks to Twilio.
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Channels:Sms";

    /// <summary><c>None</c> or <c>Twilio</c> (case-insensitive).</summary>
    public string Provider { get; set; } = nameof(SmsProvider.None);

    /// <summary>The Twilio account (<c>AC</c> + 32 hex digits), the user name of HTTP Basic auth.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: the password of HTTP Basic auth and the key of <c>X-Twilio-Signature</c>.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The library's SMS number in E.164 (+15551234567). Give this or <see cref="MessagingServiceSid"/> (or both).</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service (<c>MG</c> + 32 hex digits) whose number pool sends (sticky sender).</summary>
    public string? MessagingServiceSid { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>
    /// The public address Twilio reaches this server at (e.g. <c>https://bot.library.org</c>), up to but not including
    /// <c>/webhooks/sms</c>. Used for the <c>StatusCallback</c> of every message and to check signatures behind a proxy
    /// that changes the address; empty: signatures are checked against the request's own scheme and host.
    /// </summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>The region (ISO 3166 code, e.g. <c>US</c>, <c>ES</c>) of numbers written without a country code.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>The largest webhook body accepted (bytes); larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The provider named by <see cref="Provider"/> (validated at start).</summary>
    public SmsProvider ProviderKind =>
        Enum.TryParse<SmsProvider>(Provider, ignoreCase: true, out var kind) ? kind : SmsProvider.None;
}
