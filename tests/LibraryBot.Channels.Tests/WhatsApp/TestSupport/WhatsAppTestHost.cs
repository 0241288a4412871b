using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>A minimal real web host on 127.0.0.1 (free port) with the WhatsApp channel mapped and an in-memory sink.</summary>
internal sealed class WhatsAppTestHost : IAsyncDisposable, ISelfBaseAddress
{
    private WebApplication? app;

    public RecordingInboundSink Sink { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; } = new();

    public IServiceProvider Services => app!.Services;

    public static async Task<WhatsAppTestHost> StartAsync(IDictionary<string, string?>? configuration = null)
    {
        var host = new WhatsAppTestHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "true",
            ["Channels:WhatsApp:AppSecret"] = TestHmac.Secret,
            ["Channels:WhatsApp:VerifyToken"] = "verify-me",
        });
        builder.Services.AddSingleton<Channels.Abstractions.IInboundSink>(host.Sink);
        builder.Services.AddSingleton<ISelfBaseAddress>(host);
        builder.AddWhatsAppChannel();
        host.app = builder.Build();
        host.app.MapWhatsAppWebhooks();
        await host.app.StartAsync();
        var address = host.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.BaseAddress = new Uri(address + "/");
        host.Client.BaseAddress = host.BaseAddress;
        return host;
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
