using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosOutboxStoreTests(CosmosEndpointFixture endpoint) : OutboxStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => CosmosSubjects.CreateAsync(endpoint, "outbox");
}
