using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Notices;

/// <summary>Notices: options, the ledger (in the configured store: SQLite or Cosmos DB), the run and its schedule, and the turn that delivers a digest.</summary>
public static class NoticeRegistration
{
    public static IHostApplicationBuilder AddNotices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<NoticeOptions, NoticeOptionsValidator>(NoticeOptions.SectionName);
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            services.TryAddSingleton<INoticeStore, CosmosNoticeStore>();
        }
        else
        {
            services.TryAddSingleton<INoticeStore, SqliteNoticeStore>();
        }

        services.TryAddSingleton<NoticeRun>();
        services.AddSingleton<ITurnMiddleware, NoticeDeliveryMiddleware>();
        services.AddHostedService<NoticeScheduler>();
        return builder;
    }
}
