using LibraryBot.Bot.Storage;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Broadcasts: options and topics, the broadcast ledger (in the configured store: SQLite or Cosmos DB), the audience,
/// the dispatcher and the turn that delivers a broadcast to one chat.
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

        return builder;
    }
}
