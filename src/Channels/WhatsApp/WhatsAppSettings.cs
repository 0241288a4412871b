using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// The settings in force: <see cref="WhatsAppOptions"/> with the sandbox values filled in where the sandbox is on and
/// a credential is empty. The sandbox API base is resolved on use, because the server's own address is known only
/// once it listens.
/// </summary>
internal sealed class WhatsAppSettings(IOptions<WhatsAppOptions> options, IOptions<SandboxOptions> sandbox, IServiceProvider services)
{
    private WhatsAppOptions Options => options.Value;

    public bool SandboxEnabled => sandbox.Value.Enabled;

    public string AppSecret => Pick(Options.AppSecret, WhatsAppSandboxDefaults.AppSecret);

    public string VerifyToken => Pick(Options.VerifyToken, WhatsAppSandboxDefaults.VerifyToken);

    public string AccessToken => Pick(Options.AccessToken, WhatsAppSandboxDefaults.AccessToken);

    public string PhoneNumberId => Pick(Options.PhoneNumberId, WhatsAppSandboxDefaults.PhoneNumberId);

    public string ApiVersion => Options.ApiVersion;

    public int MessagesPerSecond => Options.MessagesPerSecond;

    public int MaxBodyBytes => Options.MaxBodyBytes;

    /// <summary>The configured templates; in sandbox mode with none configured, <see cref="WhatsAppSuggestedTemplates"/>.</summary>
    public IReadOnlyDictionary<NotificationKind, Dictionary<string, WhatsAppTemplate>> Templates =>
        SandboxEnabled && Options.Templates.Count == 0 ? WhatsAppSuggestedTemplates.All : Options.Templates;

    /// <summary>The configured marketing templates; in sandbox mode with none configured, <see cref="WhatsAppMarketingTemplates.SandboxDefault"/>.</summary>
    public IReadOnlyList<WhatsAppMarketingTemplate> MarketingTemplates =>
        SandboxEnabled && Options.MarketingTemplates.Count == 0 ? [WhatsAppMarketingTemplates.SandboxDefault] : Options.MarketingTemplates;

    /// <summary>Meta's Graph API, or this server's fake of it when the sandbox is on and no access token is configured.</summary>
    public Uri ApiBaseAddress
    {
        get
        {
            if (!UsesSandboxApi)
            {
                return new Uri(Options.ApiBaseUrl.TrimEnd('/') + "/");
            }

            var self = services.GetRequiredService<ISelfBaseAddress>().BaseAddress.ToString().TrimEnd('/');
            return new Uri(self + WhatsAppSandboxDefaults.ApiPath + "/");
        }
    }

    private bool UsesSandboxApi => SandboxEnabled && string.IsNullOrEmpty(Options.AccessToken);

    private string Pick(string? configured, string sandboxValue)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return SandboxEnabled
            ? sandboxValue
            : throw new InvalidOperationException("WhatsApp credentials are missing and the sandbox is off (the options validator should have stopped the host).");
    }
}
