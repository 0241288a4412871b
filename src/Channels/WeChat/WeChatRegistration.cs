using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Channels.WeChat.Sandbox;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat;

/// <summary>Wires the WeChat official-account channel: options, webhook, sender, menu publisher and sandbox.</summary>
public static class WeChatRegistration
{
    public const string WebhookPath = "/webhooks/wechat";

    /// <summary>
    /// Registers <c>Channels:WeChat</c> options (validated at start), the webhook handler, the sender as an
    /// <see cref="IChannelSender"/>, <see cref="WeChatMassSender"/>, the access-token holder, the menu publisher and the sandbox services.
    /// The host provides <see cref="IInboundSink"/>, <see cref="IPassiveReplyBroker"/> and <see cref="ISelfBaseAddress"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWeChatChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<WeChatOptions, WeChatOptionsValidator>(WeChatOptions.SectionName)
            .PostConfigure<IOptions<SandboxOptions>>((o, sandbox) => WeChatSandboxDefaults.Apply(o, sandbox.Value));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new WeChatKeyRing(sp.GetRequiredService<IOptions<WeChatOptions>>().Value));
        services.TryAddSingleton<WeChatActivityMapper>();
        ChannelMetrics.Register(services);
        services.TryAddScoped<WeChatWebhookHandler>();
        services.TryAddSingleton<WeChatApiFactory>();
        services.TryAddSingleton<WeChatAccessTokenHolder>();
        services.AddHealthChecks().AddCheck<WeChatTokenHealthCheck>(WeChatTokenHealthCheck.Name, tags: [HealthTags.Readiness]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WeChatSender>());
        services.TryAddSingleton(sp => new WeChatMassSender(
            sp.GetRequiredService<WeChatAccessTokenHolder>(), sp.GetRequiredService<IOptions<WeChatOptions>>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WeChatMassSender>>()));
        services.AddHostedService<WeChatMenuPublisher>();
        services.AddHttpClient(WeChatApiFactory.ClientName)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = ApiBaseAddress(sp))
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());

        services.TryAddSingleton<WeChatSandboxState>();
        services.TryAddSingleton<WeChatSandboxMassSends>();
        services.TryAddSingleton<WeChatSimulator>();
        services.AddHttpClient(WeChatSimulator.HttpClientName);
        return builder;
    }

    /// <summary>Maps <c>GET/POST /webhooks/wechat</c> and, when <c>Sandbox:Enabled</c>, the fake API and simulator under <c>/sandbox/wechat</c>.</summary>
    public static IEndpointRouteBuilder MapWeChatWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WebhookPath, (HttpRequest request, WeChatWebhookHandler handler) => handler.Verify(request));
        endpoints.MapPost(WebhookPath, (HttpRequest request, WeChatWebhookHandler handler, CancellationToken cancellationToken) =>
            handler.ReceiveAsync(request, cancellationToken));
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            WeChatSandboxEndpoints.Map(endpoints);
        }

        return endpoints;
    }

    private static Uri ApiBaseAddress(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var baseUrl = options.UsesSandboxApi
            ? services.GetRequiredService<ISelfBaseAddress>().BaseAddress.ToString().TrimEnd('/') + WeChatSandboxDefaults.ApiPath
            : options.ApiBaseUrl.TrimEnd('/');
        return new Uri(baseUrl + "/");
    }
}
