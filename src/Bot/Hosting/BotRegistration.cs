using LibraryBot.Bot.Console;
using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Conversations.Holds;
using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Conversations.Location;
using LibraryBot.Bot.Conversations.Search;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Engine.Middleware;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Sandbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Hosting;

/// <summary>The one registration entry point of the Bot project: engine, dialogs, storage, inbox and outbox.</summary>
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
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISelfBaseAddress, SelfBaseAddress>();
        StorageRegistration.AddStorage(builder);

        // Inbox and outbox.
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<WorkerHealth>();
        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboxWriter>());
        services.TryAddSingleton<IPassiveReplyBroker, PassiveReplyBroker>();
        services.TryAddSingleton<DeliveryStatusHandler>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<ConversationEraser>();
        services.AddHostedService<InboxProcessor>();
        services.AddHostedService<OutboxDispatcher>();

        // Engine: middleware in pipeline order, then the dialogs.
        services.TryAddSingleton<BotText>();
        services.AddSingleton<ITurnMiddleware, DedupeMiddleware>();
        services.AddSingleton<ITurnMiddleware, ReadReceiptMiddleware>();
        services.AddSingleton<ITurnMiddleware, RateLimitMiddleware>();
        services.AddSingleton<ITurnMiddleware, HandoffGateMiddleware>();
        services.AddSingleton<IHandoffGate, StateHandoffGate>();
        services.TryAddSingleton<TurnPipeline>();
        services.TryAddSingleton<IBot, DialogEngine>();
        services.TryAddSingleton<IntentCatalog>();
        services.TryAddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        AddConversations(services);
        builder.AddStaffConsole();
        return builder;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapSandboxPages();
        endpoints.MapStaffConsole();
        return endpoints;
    }

    private static void AddConversations(IServiceCollection services)
    {
        services.AddSingleton<Dialog, MenuDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(MenuDialog.PromptId));
        services.AddSingleton<Dialog, LanguageDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(LanguageDialog.PromptId));
        services.AddSingleton<Dialog, DeleteDataDialog>();
        services.AddSingleton<Dialog>(new ConfirmPrompt(DeleteDataDialog.PromptId));
        services.AddSingleton<Dialog, EscalationDialog>();
        services.AddSingleton<Dialog>(new ConfirmPrompt(EscalationDialog.PromptId));
        services.AddSingleton(new Intent("language", LanguageDialog.Id, "Menu.Language", MenuOrder: 800));
        services.AddSingleton(new Intent("librarian", EscalationDialog.Id, "Menu.Librarian", MenuOrder: 900));

        // Library conversations, one call per feature; shared parts first, search last (it takes what nothing else understood).
        services.AddConversationCommon();
        services.AddAccountConversation();
        services.AddHoldsConversation();
        services.AddHoursConversation();
        services.AddLocationConversation();
        services.AddSearchConversation();
    }
}
