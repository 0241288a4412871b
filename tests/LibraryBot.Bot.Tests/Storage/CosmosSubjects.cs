using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Contracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Builds the Cosmos DB stores on a fresh database of the fixture's endpoint, deleted afterwards.</summary>
internal static class CosmosSubjects
{
    public static async Task<StorageSubject> CreateAsync(CosmosEndpointFixture endpoint, string testClass)
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var options = new CosmosStorageOptions
        {
            Endpoint = endpoint.Endpoint,
            Key = endpoint.Key,
            Database = $"lbtest-{testClass}-{Guid.NewGuid():N}"[..40],
            AcceptAnyServerCertificate = new Uri(endpoint.Endpoint).IsLoopback,
        };
        var validation = new StorageOptionsValidator().Validate(new StorageOptions { Provider = StorageProvider.Cosmos, Cosmos = options });
        Assert.True(validation.IsValid, validation.ToString());
        var storage = new CosmosStorage(options, NullLogger<CosmosStorage>.Instance);
        await storage.GetContainerAsync(TestContext.Current.CancellationToken);
        var clock = StorageSubject.NewClock();
        var sequence = new CosmosSequence(storage);
        return new StorageSubject(
            new CosmosConversationStore(storage, sequence, clock),
            new CosmosInboxStore(storage, sequence, clock, NullLogger<CosmosInboxStore>.Instance),
            new CosmosOutboxStore(storage, NullLogger<CosmosOutboxStore>.Instance),
            clock,
            async () =>
            {
                await storage.Client.GetDatabase(options.Database).DeleteAsync();
                storage.Dispose();
            });
    }
}
