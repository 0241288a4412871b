using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Sms.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Sms;

/// <summary>
/// The SMS settings in force: <see cref="SmsOptions"/>, with the sandbox values where the sandbox is on and no Twilio
/// account is configured. The server's own address is resolved on use (it is known only once the server listens).
/// </summary>
internal sealed class SmsSettings(IOptions<SmsOptions> options, IOptions<SandboxOptions> sandbox, IServiceProvider services)
{
    private SmsOptions Options => options.Value;

    public bool SandboxEnabled => sandbox.Value.Enabled;

    /// <summary>On with Provider Twilio, and always in the sandbox (then, without an AccountSid, on the fake API).</summary>
    public bool Enabled => Options.ProviderKind == SmsProvider.Twilio || SandboxEnabled;

    /// <summary>The fake Twilio API of this server is used: sandbox on, and Provider None or no AccountSid configured.</summary>
    public bool UsesSandboxApi => SandboxEnabled && (Options.ProviderKind == SmsProvider.None || string.IsNullOrEmpty(Options.AccountSid));

    public string AccountSid => UsesSandboxApi ? SmsSandboxDefaults.AccountSid : Required(Options.AccountSid);

    public string AuthToken => UsesSandboxApi ? SmsSandboxDefaults.AuthToken : Required(Options.AuthToken);

    /// <summary>The library's number (E.164), or null when only a Messaging Service sends.</summary>
    public string? From => UsesSandboxApi ? SmsSandboxDefaults.From
        : string.IsNullOrEmpty(Options.From) ? null : Options.From;

    /// <summary>The Messaging Service that sends, if any (never in the fake API, which has one number).</summary>
    public string? MessagingServiceSid => UsesSandboxApi || string.IsNullOrEmpty(Options.MessagingServiceSid) ? null : Options.MessagingServiceSid;

    /// <summary>
    /// The <see cref="Activities.ConversationRef.AccountId"/> of SMS conversations: the library's number, or the
    /// Messaging Service SID when only a service is configured (one conversation per patron, whichever pool number
    /// they text).
    /// </summary>
    public string AccountId => From ?? MessagingServiceSid ?? throw new InvalidOperationException("No SMS sender is configured.");

    public string DefaultRegion => Options.DefaultRegion.ToUpperInvariant();

    public int MaxBodyBytes => Options.MaxBodyBytes;

    public string? WebhookBaseUrl => string.IsNullOrEmpty(Options.WebhookBaseUrl) ? null : Options.WebhookBaseUrl.TrimEnd('/');

    /// <summary>Twilio's REST API, or this server's fake of it.</summary>
    public Uri ApiBaseAddress => UsesSandboxApi
        ? new Uri(Self + SmsSandboxDefaults.ApiPath + "/")
        : new Uri(Options.ApiBaseUrl.TrimEnd('/') + "/");

    /// <summary>
    /// The status webhook given to Twilio with every message: under <see cref="WebhookBaseUrl"/>; with the fake API, under
    /// the server's own address; otherwise none (Twilio cannot reach a loopback address; see docs/sms.md).
    /// </summary>
    public string? StatusCallback => WebhookBaseUrl is { } publicBase ? publicBase + SmsWebhookEndpoints.StatusPath
        : UsesSandboxApi ? Self + SmsWebhookEndpoints.StatusPath
        : null;

    /// <summary>The server's own address without a trailing slash.</summary>
    public string Self => services.GetRequiredService<ISelfBaseAddress>().BaseAddress.ToString().TrimEnd('/');

    /// <summary>
    /// The conversation account for a message between the library's <paramref name="libraryNumber"/> and a patron:
    /// <see cref="AccountId"/> when the number is the configured one or belongs to the configured Messaging Service,
    /// else that number itself (another number of the same Twilio account).
    /// </summary>
    public string AccountIdFor(string libraryNumber, string? messagingServiceSid) =>
        (MessagingServiceSid is not null && messagingServiceSid == MessagingServiceSid) || libraryNumber == From
            ? AccountId
            : libraryNumber;

    private string Required(string? value) =>
        !string.IsNullOrEmpty(value) ? value
            : throw new InvalidOperationException("Twilio credentials are missing and the sandbox API is not in use (the options validator should have stopped the host).");
}
