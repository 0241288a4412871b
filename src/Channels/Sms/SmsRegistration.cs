using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Sms.Sandbox;
using LibraryBot.Channels.Sms.Sending;
using LibraryBot.Channels.Sms.Webhooks;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LibraryBot.Channels.Sms;

/// <summary>Registers and maps the SMS channel (Twilio).</summary>
public static class SmsRegistration
{
    /// <summary>The named HttpClient of the Twilio client (tests and hosts may add handlers to it).</summary>
    public const string TwilioHttpClientName = "LibraryBot.Sms.Twilio";

    /// <summary>
    /// Options <c>Channels:Sms</c> (validated at start), the Twilio client, <see cref="IChannelSender"/> and
    /// <see cref="IDeliveryFailureClassifier"/> for SMS, <see cref="SmsConversations"/>, and the sandbox's fake Twilio.
    /// The host provides <see cref="IInboundSink"/> and <see cref="ISelfBaseAddress"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSmsChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        services.AddValidatedOptions<SmsOptions, SmsOptionsValidator>(SmsOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SmsSettings>();
        ChannelMetrics.Register(services);
        services.TryAddSingleton(sp => new SmsConversations(sp.GetRequiredService<SmsSettings>()));
        services.AddRefitGeneratedClient<ITwilioMessagesApi>(new RefitSettings(), TwilioHttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<SmsSettings>().ApiBaseAddress;
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            // URLs and bodies carry phone numbers and texts: no default HttpClient logging.
            .RemoveAllLoggers()
            // Creating a message is not idempotent: no automatic retry of the POST (the outbox retries, with backoff).
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
        services.TryAddTransient<TwilioMessagesClient>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IChannelSender, SmsSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryFailureClassifier, SmsDeliveryFailureClassifier>());
        services.TryAddSingleton<TwilioSandboxStore>();
        services.AddHttpClient(TwilioSandboxPoster.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddSingleton<TwilioSandboxPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<TwilioSandboxPoster>());
        return builder;
    }

    /// <summary>
    /// <c>POST /webhooks/sms</c> and <c>POST /webhooks/sms/status</c> when SMS is on; with <c>Sandbox:Enabled</c> also the
    /// fake Twilio API <c>POST /sandbox/twilio/2010-04-01/Accounts/{sid}/Messages.json</c>, <c>POST /sandbox/sms/simulate</c>
    /// and <c>GET /sandbox/sms/messages?to=&amp;after=</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = endpoints.ServiceProvider.GetRequiredService<SmsSettings>();
        if (!settings.Enabled)
        {
            return endpoints;
        }

        endpoints.MapPost(SmsWebhookEndpoints.Path, SmsWebhookEndpoints.ReceiveAsync).ExcludeFromDescription();
        endpoints.MapPost(SmsWebhookEndpoints.StatusPath, SmsWebhookEndpoints.StatusAsync).ExcludeFromDescription();
        if (!settings.UsesSandboxApi && settings.WebhookBaseUrl is null)
        {
            SmsLog.NoStatusCallback(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(SmsWebhookEndpoints.LoggerName));
        }

        if (!settings.SandboxEnabled)
        {
            return endpoints;
        }

        endpoints.MapPost(SmsSandboxDefaults.ApiPath + "/2010-04-01/Accounts/{accountSid}/Messages.json", TwilioSandboxEndpoints.CreateMessageAsync).ExcludeFromDescription();
        var simulator = endpoints.MapGroup(SmsSandboxDefaults.SimulatorPath).ExcludeFromDescription();
        simulator.MapPost("/simulate", TwilioSandboxEndpoints.SimulateAsync);
        simulator.MapGet("/messages", (string? to, long? after, TwilioSandboxStore store) => TwilioSandboxEndpoints.Sent(to, after, store));
        return endpoints;
    }
}
