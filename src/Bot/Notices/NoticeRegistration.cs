using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Sms;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Notices: options, the ledger (in the configured store: SQLite or Cosmos DB), the run and its schedule, the staff's
/// pickup batch, the turn that delivers a digest and its SMS fallback.
/// </summary>
public static class NoticeRegistration
{
    public static IHostApplicationBuilder AddNotices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<NoticeOptions, NoticeOptionsValidator>(NoticeOptions.SectionName);
        services.TryAddSingleton(sp => new SmsFallbackRoute(sp.GetService<SmsConversations>()));
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            services.TryAddSingleton<INoticeStore, CosmosNoticeStore>();
            services.TryAddSingleton<IPatronChats, CosmosPatronChats>();
        }
        else
        {
            services.TryAddSingleton<INoticeStore, SqliteNoticeStore>();
            services.TryAddSingleton<IPatronChats>(sp => new SqlitePatronChats(sp.GetRequiredService<SqliteDatabase>()));
        }

        services.TryAddSingleton<PickupBatch>();

        services.TryAddSingleton<NoticeHandOver>();
        services.TryAddSingleton<SmsDigestHandOver>();
        services.TryAddSingleton<NoticeRun>();
        services.AddSingleton<ITurnMiddleware, NoticeDeliveryMiddleware>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecipientEffectHandler, NoticeSmsFallback>());
        services.AddHostedService<NoticeScheduler>();
        return builder;
    }
}
