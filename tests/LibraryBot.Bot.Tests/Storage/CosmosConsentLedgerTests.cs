using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosConsentLedgerTests(CosmosEndpointFixture endpoint) : ConsentLedgerContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => CosmosSubjects.CreateAsync(endpoint, "consent");
}
