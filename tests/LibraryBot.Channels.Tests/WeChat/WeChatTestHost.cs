using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LibraryBot.Shared;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>A minimal real web host (Kestrel on 127.0.0.1, free port) with the WeChat channel and in-memory host services.</summary>
internal sealed class WeChatTestHost : IAsyncDisposable, ISelfBaseAddress
{
    private WebApplication? app;

    public InMemoryInboundSink Sink { get; } = new();

    public ScriptedReplyBroker Broker { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => app!.Services;

    public static Dictionary<string, string?> ExplicitCredentials(string token = WeChatVectors.C1Token) => new()
    {
        ["Sandbox:Enabled"] = "false",
        ["Channels:WeChat:Token"] = token,
        ["Channels:WeChat:AppId"] = WeChatVectors.C1AppId,
        ["Channels:WeChat:AppSecret"] = "secret",
        ["Channels:WeChat:EncodingAESKey"] = WeChatVectors.C1Key,
        ["Channels:WeChat:PassiveReplyBudgetMs"] = "1000",
    };

    public static async Task<WeChatTestHost> StartAsync(Dictionary<string, string?> config, Action<IServiceCollection>? configure = null)
    {
        var host = new WeChatTestHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISelfBaseAddress>(host);
        builder.Services.AddSingleton<IInboundSink>(host.Sink);
        builder.Services.AddSingleton<IPassiveReplyBroker>(host.Broker);
        builder.Services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(SandboxOptions.SectionName);
        builder.AddWeChatChannel();
        configure?.Invoke(builder.Services);
        host.app = builder.Build();
        host.app.MapWeChatWebhooks();
        await host.app.StartAsync();
        host.BaseAddress = new Uri(host.app.Urls.First());
        return host;
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

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
