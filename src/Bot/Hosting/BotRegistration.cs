using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Console;
using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Understanding;
using LibraryBot.Bot.Engine.Middleware;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Sandbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Hosting;

/// <summary>The one registration entry point of the Bot project: engine, dialogs, storage, inbox and outbox, health checks and telemetry.</summary>
public static class BotRegistration
{
    /// <summary>Largest request body Kestrel reads at all; webhooks apply their own, smaller caps.</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
        services.AddValidatedOptions<InboxOptions, InboxOptionsValidator>(InboxOptions.SectionName);
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(OutboxOptions.SectionName);
        services.AddValidatedOptions<BotOptions, BotOptionsValidator>(BotOptions.SectionName);
        services.AddValidatedOptions<ForwardedHeadersSettings, ForwardedHeadersSettingsValidator>(ForwardedHeadersSettings.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISelfBaseAddress, SelfBaseAddress>();
        StorageRegistration.AddStorage(builder);

        // Inbox and outbox.
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<WorkerHealth>();
        services.TryAddSingleton<SecretVault>();
        services.TryAddSingleton<SecretQuestions>();
        services.TryAddSingleton<SecretRedactor>();
        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboxWriter>());
        services.TryAddSingleton<IPassiveReplyBroker, PassiveReplyBroker>();
        services.TryAddSingleton<DeliveryStatusHandler>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<ConversationEraser>();
        services.AddHostedService<InboxProcessor>();
        services.AddHostedService<OutboxDispatcher>();

        // Health checks (/healthz, /readyz) and telemetry (metrics, traces).
        services.AddBotHealthChecks();
        builder.AddTelemetry();

        // Engine, understanding and conversations; the middleware runs in the order TurnOrder declares.
        services.TryAddSingleton<BotText>();
        services.TryAddSingleton(TurnOrder.Middleware);
        services.AddSingleton<ITurnMiddleware, DedupeMiddleware>();
        services.AddSingleton<ITurnMiddleware, ReadReceiptMiddleware>();
        services.AddSingleton<ITurnMiddleware, RateLimitMiddleware>();
        services.AddSingleton<ITurnMiddleware, HandoffGateMiddleware>();
        services.AddSingleton<IHandoffGate, StateHandoffGate>();
        services.TryAddSingleton<TurnPipeline>();
        services.TryAddSingleton<IBot, DialogEngine>();
        services.TryAddSingleton<IntentCatalog>();
        services.TryAddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        builder.AddUnderstanding();
        services.AddConversations();
        builder.AddNotices();
        builder.AddBroadcasts();
        builder.AddStaffConsole();
        return builder;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapTelemetry();
        endpoints.MapSandboxPages();
        endpoints.MapStaffConsole();
        return endpoints;
    }
}
