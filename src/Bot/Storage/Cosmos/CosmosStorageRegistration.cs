using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>Registers the Cosmos DB stores (<c>Storage:Provider=Cosmos</c>, settings under <c>Storage:Cosmos</c>).</summary>
public static class CosmosStorageRegistration
{
    public static void AddCosmosStorage(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(sp => new CosmosStorage(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Cosmos, sp.GetRequiredService<ILogger<CosmosStorage>>()));
        services.TryAddSingleton<CosmosSequence>();
        services.TryAddSingleton<IConversationStore, CosmosConversationStore>();
        services.TryAddSingleton<IInboxStore, CosmosInboxStore>();
        services.TryAddSingleton<IOutboxStore, CosmosOutboxStore>();
        services.TryAddSingleton<Consent.IConsentLedger, Consent.CosmosConsentLedger>();
        services.AddHostedService<CosmosStorageInitializer>();
    }
}
