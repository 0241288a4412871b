using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosNoticeStoreTests(CosmosEndpointFixture endpoint) : NoticeStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => CosmosSubjects.CreateAsync(endpoint, "notices");
}
