using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Storage;

internal static class StorageRegistration
{
    public static void AddStorage(IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            CosmosStorageRegistration.AddCosmosStorage(builder);
            return;
        }

        var services = builder.Services;
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(HostPaths.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Sqlite.Path));
        });
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<IInboxStore, SqliteInboxStore>();
        services.TryAddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.TryAddSingleton<IConsentLedger, SqliteConsentLedger>();
    }
}
