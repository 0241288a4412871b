using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>The real WhatsApp registration (sandbox off, real-looking credentials) with the Graph API replaced by <see cref="FakeGraphHandler"/>.</summary>
internal sealed class SenderHarness : IDisposable
{
    public const string Patron = "34612345678";

    private readonly IHost host;

    public SenderHarness(IDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Channels:WhatsApp:AppSecret"] = "secret",
            ["Channels:WhatsApp:VerifyToken"] = "verify",
            ["Channels:WhatsApp:AccessToken"] = "EAAG-test-token",
            ["Channels:WhatsApp:PhoneNumberId"] = "106540352242922",
            ["Channels:WhatsApp:ApiBaseUrl"] = "https://graph.test",
            ["Channels:WhatsApp:MessagesPerSecond"] = "1000",
            ["Channels:WhatsApp:Templates:HoldReady:en:Name"] = "hold_ready",
            ["Channels:WhatsApp:Templates:HoldReady:en:Language"] = "en_US",
            ["Channels:WhatsApp:Templates:HoldReady:en:Parameters:0"] = "name",
            ["Channels:WhatsApp:Templates:HoldReady:en:Parameters:1"] = "title",
            ["Channels:WhatsApp:Templates:HoldReady:es:Name"] = "hold_ready",
            ["Channels:WhatsApp:Templates:HoldReady:es:Language"] = "es",
            ["Channels:WhatsApp:Templates:HoldReady:es:Parameters:0"] = "name",
            ["Channels:WhatsApp:Templates:HoldReady:es:Parameters:1"] = "title",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging(l => l.ClearProviders());
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddWhatsAppChannel();
        builder.Services.AddHttpClient(WhatsAppRegistration.GraphApiHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Graph);
        host = builder.Build();
    }

    public FakeGraphHandler Graph { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => host.Services;

    public IChannelSender Sender => host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.WhatsApp);

    public OutboundEnvelope Envelope(OutboundMessage message, TimeSpan? sinceLastInbound = null, string locale = "en") =>
        new(42, new ConversationRef(ChannelId.WhatsApp, "106540352242922", Patron), message, locale,
            sinceLastInbound is { } ago ? Time.GetUtcNow() - ago : null, 1);

    public Task<SendOutcome> SendAsync(OutboundMessage message, TimeSpan? sinceLastInbound = null, string locale = "en") =>
        Sender.SendAsync(Envelope(message, sinceLastInbound ?? TimeSpan.FromMinutes(5), locale), TestContext.Current.CancellationToken);

    public void Dispose() => host.Dispose();
}
