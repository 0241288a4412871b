using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Channels.WhatsApp.Sandbox;
using LibraryBot.Channels.WhatsApp.Sending;
using LibraryBot.Channels.WhatsApp.Webhooks;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Refit;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>Registers and maps the WhatsApp Cloud API channel.</summary>
public static class WhatsAppRegistration
{
    /// <summary>The named HttpClient of the Graph API client (tests and hosts may add handlers to it).</summary>
    public const string GraphApiHttpClientName = "LibraryBot.WhatsApp.GraphApi";

    /// <summary>
    /// Options <c>Channels:WhatsApp</c>, the Graph API client, the shared rate limiter, <see cref="IChannelSender"/> and
    /// <see cref="IReadReceiptSender"/> for WhatsApp, and the sandbox's store and webhook poster.
    /// The host provides <see cref="IInboundSink"/> and <see cref="ISelfBaseAddress"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWhatsAppChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        services.AddValidatedOptions<WhatsAppOptions, WhatsAppOptionsValidator>(WhatsAppOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WhatsAppSettings>();
        services.TryAddSingleton(sp => new WhatsAppMarketingTemplates(sp.GetRequiredService<WhatsAppSettings>()));
        ChannelMetrics.Register(services);
        services.TryAddSingleton(sp => new WhatsAppRateLimiter(sp.GetRequiredService<WhatsAppSettings>().MessagesPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.AddRefitGeneratedClient<IWhatsAppGraphApi>(WhatsAppJsonContext.Default, _ => new RefitSettings(), GraphApiHttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<WhatsAppSettings>().ApiBaseAddress;
                http.Timeout = TimeSpan.FromSeconds(30);
            });
        services.TryAddTransient<WhatsAppGraphClient>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IChannelSender, WhatsAppSender>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IReadReceiptSender, WhatsAppReadReceiptSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryFailureClassifier, WhatsAppDeliveryFailureClassifier>());
        services.TryAddSingleton<WhatsAppSandboxStore>();
        services.TryAddSingleton<WhatsAppSandboxMarketing>();
        services.AddHttpClient(WhatsAppSandboxWebhookPoster.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<WhatsAppSandboxWebhookPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<WhatsAppSandboxWebhookPoster>());
        return builder;
    }

    /// <summary>
    /// <c>GET/POST /webhooks/whatsapp</c>; with <c>Sandbox:Enabled</c> also the fake Graph API
    /// <c>POST /sandbox/whatsapp/{version}/{phoneNumberId}/messages</c>, <c>POST /sandbox/whatsapp/simulate</c>,
    /// <c>POST /sandbox/whatsapp/not-on-whatsapp</c>, <c>POST /sandbox/whatsapp/marketing-preference</c> and
    /// <c>GET /sandbox/whatsapp/messages?to=&amp;after=</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(WhatsAppWebhookEndpoints.Path, WhatsAppWebhookEndpoints.Verify).ExcludeFromDescription();
        endpoints.MapPost(WhatsAppWebhookEndpoints.Path, WhatsAppWebhookEndpoints.ReceiveAsync).ExcludeFromDescription();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        var sandbox = endpoints.MapGroup(WhatsAppSandboxDefaults.ApiPath).ExcludeFromDescription();
        sandbox.MapPost("/{version}/{phoneNumberId}/messages", WhatsAppSandboxEndpoints.MessagesAsync);
        sandbox.MapPost("/simulate", WhatsAppSandboxEndpoints.SimulateAsync);
        sandbox.MapPost("/not-on-whatsapp", WhatsAppSandboxEndpoints.NotOnWhatsApp);
        sandbox.MapPost("/marketing-preference", WhatsAppSandboxEndpoints.MarketingPreferenceAsync);
        sandbox.MapGet("/messages", (string? to, long? after, WhatsAppSandboxStore store) => WhatsAppSandboxEndpoints.Sent(to, after, store));
        return endpoints;
    }
}
