using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosInboxStoreTests(CosmosEndpointFixture endpoint) : InboxStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => CosmosSubjects.CreateAsync(endpoint, "inbox");
}
