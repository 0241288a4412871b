using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Storage.Backup;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Storage.Instance;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.Shared;
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
        builder.Services.AddValidatedOptions<InstanceOptions, InstanceOptionsValidator>(InstanceOptions.SectionName);
        builder.Services.TryAddSingleton(Identity);
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            CosmosStorageRegistration.AddCosmosStorage(builder);
            return;
        }

        var services = builder.Services;
        services.TryAddSingleton(sp => new SqliteDatabase(StorePath(sp)));
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<IInboxStore, SqliteInboxStore>();
        services.TryAddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.TryAddSingleton<IConsentLedger, SqliteConsentLedger>();

        // What the backup and restore commands copy (the demo library only when it is the configured catalogue).
        services.TryAddSingleton(sp => new DatabaseFiles(StorePath(sp), sp.GetService<EmbeddedCatalogue>()?.DatabasePath));
    }

    /// <summary>This process's claim identity: configured, or a slot beside the SQLite file or in the Cosmos store's folder.</summary>
    private static InstanceIdentity Identity(IServiceProvider services)
    {
        var instance = services.GetRequiredService<IOptions<InstanceOptions>>().Value;
        if (instance.Id is { } configured)
        {
            return InstanceIdentity.Configured(configured);
        }

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.Cosmos)
        {
            var folder = HostPaths.Resolve(services.GetRequiredService<IHostEnvironment>().ContentRootPath, instance.Directory);
            return InstanceIdentity.FromSlots(folder, InstanceIdentity.NameOf($"{storage.Cosmos.Endpoint}|{storage.Cosmos.Database}"));
        }

        var database = StorePath(services);
        return InstanceIdentity.FromSlots(Path.GetDirectoryName(database)!, Path.GetFileName(database));
    }

    private static string StorePath(IServiceProvider services) =>
        HostPaths.Resolve(services.GetRequiredService<IHostEnvironment>().ContentRootPath, services.GetRequiredService<IOptions<StorageOptions>>().Value.Sqlite.Path);
}
