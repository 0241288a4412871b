using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// <c>Channels:WhatsApp:*</c>. Credentials may stay empty while <c>Sandbox:Enabled</c> is true: the sandbox values
/// of <see cref="WhatsAppSandboxDefaults"/> are used and messages go to the fake Graph API built into this server.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "Channels:WhatsApp";

    /// <summary>The Meta app's secret, the HMAC key of <c>X-Hub-Signature-256</c>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The string typed into Meta's webhook settings, echoed in <c>hub.verify_token</c>.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>A permanent system-user access token with whatsapp_business_messaging permission.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The business phone number's id (not the number itself).</summary>
    public string? PhoneNumberId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v24.0";

    /// <summary>Sends per second across the whole server (Meta: 80 by default, 1,000 when upgraded).</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>The largest webhook body accepted (bytes); larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Approved templates by notification kind, then by language (<c>en</c>, <c>es</c>, <c>zh</c>, <c>vi</c>).</summary>
    public Dictionary<NotificationKind, Dictionary<string, WhatsAppTemplate>> Templates { get; set; } = [];

    /// <summary>
    /// The approved marketing templates broadcasts may name (outside the 24-hour window a broadcast goes only as one of
    /// these). Empty in sandbox mode means <see cref="WhatsAppMarketingTemplates.SandboxDefault"/>.
    /// </summary>
    public List<WhatsAppMarketingTemplate> MarketingTemplates { get; set; } = [];
}
