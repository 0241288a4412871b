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
/// Notices: options, the ledger (SQLite so far), the run and its schedule, the staff's pickup batch, and the turn that
/// delivers a digest.
/// </summary>
public static class NoticeRegistration
{
    public static IHostApplicationBuilder AddNotices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<NoticeOptions, NoticeOptionsValidator>(NoticeOptions.SectionName);
        services.TryAddSingleton(sp => new SmsFallbackRoute(sp.GetService<SmsConversations>()));
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) != StorageProvider.Sqlite)
        {
            // The notice ledger exists for SQLite only so far (Cosmos DB: see docs/notices.md).
            return builder;
        }

        services.TryAddSingleton<INoticeStore>(sp => new SqliteNoticeStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IPatronChats>(sp => new SqlitePatronChats(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<NoticeHandOver>();
        services.TryAddSingleton<NoticeRun>();
        services.TryAddSingleton<PickupBatch>();
        services.AddSingleton<ITurnMiddleware, NoticeDeliveryMiddleware>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUnreachableRecipientHandler, NoticeSmsFallback>());
        services.AddHostedService<NoticeScheduler>();
        return builder;
    }
}
