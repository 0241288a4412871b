namespace LibraryBot.Bot.Tests.Storage;

/// <summary>The Cosmos test classes share one endpoint (one test server process).</summary>
[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosEndpointFixture>
{
    public const string Name = "Cosmos";
}
