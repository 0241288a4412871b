using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosConversationStoreTests(CosmosEndpointFixture endpoint) : ConversationStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => CosmosSubjects.CreateAsync(endpoint, "conversation");
}
