using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Contracts.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Builds the Cosmos DB stores on a fresh database of the fixture's endpoint, deleted afterwards.</summary>
internal static class CosmosSubjects
{
    public static async Task<StorageSubject> CreateAsync(CosmosEndpointFixture endpoint, string testClass) =>
        (await CreateWithStorageAsync(endpoint, testClass)).Subject;

    public static async Task<(StorageSubject Subject, CosmosStorage Storage)> CreateWithStorageAsync(CosmosEndpointFixture endpoint, string testClass)
    {
        var options = Options(endpoint, testClass);
        var validation = new StorageOptionsValidator().Validate(new StorageOptions { Provider = StorageProvider.Cosmos, Cosmos = options });
        Assert.True(validation.IsValid, validation.ToString());
        var storage = new CosmosStorage(options, NullLogger<CosmosStorage>.Instance);
        await CreateRoutableDatabaseAsync(storage.Client, options.Database);
        await storage.GetContainerAsync(TestContext.Current.CancellationToken);
        var clock = StorageSubject.NewClock();
        var sequence = new CosmosSequence(storage);
        var subject = new StorageSubject(
            new CosmosConversationStore(storage, sequence, clock),
            new CosmosInboxStore(storage, sequence, clock, NullLogger<CosmosInboxStore>.Instance),
            new CosmosOutboxStore(storage, NullLogger<CosmosOutboxStore>.Instance),
            new LibraryBot.Bot.Consent.CosmosConsentLedger(storage, sequence),
            new LibraryBot.Bot.Notices.CosmosNoticeStore(storage),
            new LibraryBot.Bot.Broadcasts.CosmosBroadcastStore(storage),
            new ConsoleStores(
                new CosmosStaffStore(storage),
                new CosmosTranscriptStore(storage, sequence),
                new CosmosHandoffQueue(storage),
                new CosmosPatronChats(storage),
                key => StoredRatingsAsync(storage, key)),
            clock,
            async () =>
            {
                await storage.Client.GetDatabase(options.Database).DeleteAsync();
                storage.Dispose();
            });
        return (subject, storage);
    }

    /// <summary>Settings for a fresh database on the fixture's endpoint (skips the test when there is no endpoint).</summary>
    internal static CosmosStorageOptions Options(CosmosEndpointFixture endpoint, string testClass)
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return new CosmosStorageOptions
        {
            Endpoint = endpoint.Endpoint,
            Key = endpoint.Key,
            Database = $"lbtest-{testClass}-{Guid.NewGuid():N}"[..40],
            AcceptAnyServerCertificate = new Uri(endpoint.Endpoint).IsLoopback,
        };
    }

    private static async Task<int> StoredRatingsAsync(CosmosStorage storage, string conversationKey) =>
        await CountAsync(await storage.GetContainerAsync(TestContext.Current.CancellationToken),
            new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'handoff-rating'"), conversationKey);

    /// <summary>Adds up a <c>SELECT VALUE COUNT(1)</c> query's pages (in one partition, or across all when none is given).</summary>
    internal static async Task<int> CountAsync(Container container, QueryDefinition query, string? partitionKey)
    {
        var options = partitionKey is null ? null : new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) };
        using var iterator = container.GetItemQueryIterator<int>(query, requestOptions: options);
        var total = 0;
        while (iterator.HasMoreResults)
        {
            total += (await iterator.ReadNextAsync(TestContext.Current.CancellationToken)).Sum();
        }

        return total;
    }

    /// <summary>
    /// Creates the database. The local test server numbers resources in base64 that may contain '/', and its router
    /// then cannot reach the database by resource id (the SDK's partition-range reads 404): such a database is
    /// dropped and another one created. Real accounts and the emulator never hand out such ids.
    /// </summary>
    internal static async Task CreateRoutableDatabaseAsync(CosmosClient client, string name)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var response = await client.CreateDatabaseAsync(name, cancellationToken: TestContext.Current.CancellationToken);
            if (response.Resource.SelfLink is not { } self || self.Trim('/').Split('/').Length == 2)
            {
                return;
            }

            await response.Database.DeleteAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The Cosmos endpoint kept handing out database ids it cannot route ({name}).");
    }
}
