using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Broadcasts: options and topics, the broadcast ledger (in the configured store: SQLite or Cosmos DB), the audience,
/// the staff's commands, the dispatcher, the turn that delivers a broadcast to one chat, WeChat mass sends and their
/// results, and WhatsApp's marketing opt-out error recorded in the consent ledger.
/// </summary>
public static class BroadcastRegistration
{
    public static IHostApplicationBuilder AddBroadcasts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<BroadcastOptions, BroadcastOptionsValidator>(BroadcastOptions.SectionName);
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            services.TryAddSingleton<IBroadcastStore, CosmosBroadcastStore>();
        }
        else
        {
            services.TryAddSingleton<IBroadcastStore, SqliteBroadcastStore>();
        }

        services.TryAddSingleton<AudiencePlanner>();
        services.TryAddSingleton<BroadcastConsent>();
        services.TryAddSingleton<BroadcastComposer>();
        services.TryAddSingleton<BroadcastChanges>();
        services.TryAddSingleton<BroadcastHandOver>();
        services.TryAddSingleton<BroadcastCommands>();
        services.TryAddSingleton<WeChatMassDelivery>();
        services.AddHostedService<BroadcastDispatcher>();
        services.AddSingleton<ITurnMiddleware, MassSendFinishedMiddleware>();
        services.AddSingleton<ITurnMiddleware, BroadcastDeliveryMiddleware>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecipientEffectHandler, ChannelMarketingOptOut>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryReceiptObserver, BroadcastReceipts>());
        return builder;
    }
}
