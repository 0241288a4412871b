using System.Text.Json.Nodes;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Channels.Activities;
using LibraryBot.Contracts.Storage;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Where the console's documents live in Cosmos DB: keyed by conversation, no global counter, no address in the audit.</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosConsoleStoreDesignTests(CosmosEndpointFixture endpoint) : IAsyncLifetime
{
    private StorageSubject _subject = null!;
    private Container _container = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Ana => new ConversationRef(ChannelId.WhatsApp, "15550001111", "34600111222").Key;

    public async ValueTask InitializeAsync()
    {
        var (subject, storage) = await CosmosSubjects.CreateWithStorageAsync(endpoint, "consoledesign");
        _subject = subject;
        _container = await storage.GetContainerAsync(Ct);
    }

    public ValueTask DisposeAsync() => _subject.DisposeAsync();

    [Fact]
    public async Task TranscriptLines_AreNumberedByACounterInTheirConversationsPartitionNotAGlobalOne()
    {
        var at = StorageSubject.Start;
        await _subject.Console.Transcripts.AppendAsync(
            [new TranscriptEntry(Ana, "in:1", at, TranscriptAuthor.Patron, null, "hola", "[…]"), new TranscriptEntry(Ana, "out:1", at, TranscriptAuthor.Bot, null, "¡hola!", "[…]")], Ct);

        var counter = (await _container.ReadItemAsync<JsonObject>(CosmosTranscriptStore.LineCounter, new PartitionKey(Ana), cancellationToken: Ct)).Resource;
        var line = (await _container.ReadItemAsync<JsonObject>(TranscriptDocument.IdFor("out:1"), new PartitionKey(Ana), cancellationToken: Ct)).Resource;
        var globalCounters = await _container.QueryListAsync<JsonObject>(new QueryDefinition("SELECT * FROM c"), CounterDocument.Partition, Ct);

        Assert.Equal(2, (long)counter["value"]!);
        Assert.Equal((2L, "Bot", "transcript"), ((long)line["seq"]!, (string?)line["author"], (string?)line["type"]));
        Assert.Empty(globalCounters);
    }

    [Fact]
    public async Task AuditLines_ArePartitionedByTheConversationsHashAndNeverHoldItsKey()
    {
        await _subject.Console.Staff.AuditAsync("marta", "read", Ana, StorageSubject.Start, Ct);

        var documents = await _container.QueryListAsync<JsonObject>(new QueryDefinition("SELECT * FROM c WHERE c.type = 'staff-audit'"), null, Ct);

        var audit = Assert.Single(documents);
        Assert.Equal("audit:" + LogIds.Hash(Ana), (string?)audit["pk"]);
        Assert.DoesNotContain("34600111222", audit.ToJsonString(), StringComparison.Ordinal);
    }
}
