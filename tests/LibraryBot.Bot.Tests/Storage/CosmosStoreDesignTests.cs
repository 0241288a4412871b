using System.Text.Json.Nodes;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Contracts.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>What the Cosmos DB store does beyond the shared contract: its document shape, crash repair and archiving.</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosStoreDesignTests(CosmosEndpointFixture endpoint) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private StorageSubject _subject = null!;
    private Container _container = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConversationRef Ana => new(ChannelId.WeChat, "gh_library", "openid-ana");

    public async ValueTask InitializeAsync()
    {
        var (subject, storage) = await CosmosSubjects.CreateWithStorageAsync(endpoint, "design");
        _subject = subject;
        _container = await storage.GetContainerAsync(Ct);
    }

    public ValueTask DisposeAsync() => _subject.DisposeAsync();

    [Fact]
    public async Task CommitTurnAsync_WhenTurnReplies_WritesStateAndPendingRepliesInOneDocument()
    {
        var entry = await AppendAndClaimAsync("wx.1");

        await CommitAsync(null, ["one", "two"], entry.Sequence, "wx.1");

        var raw = (await _container.ReadItemAsync<JsonObject>(ConversationDocument.DocumentId, new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        Assert.Equal((Ana.Key, "conversation", "en"), ((string?)raw["pk"], (string?)raw["type"], (string?)raw["state"]!["locale"]));
        Assert.Equal([entry.Sequence], raw["consumed"]!.AsArray().Select(n => (long)n!));
        var outbox = raw["outbox"]!.AsArray();
        Assert.Equal(["Pending", "Pending"], outbox.Select(r => (string?)r!["status"]));
        Assert.Equal("one", (string?)outbox[0]!["message"]!["text"]);
        Assert.Equal((long)outbox[0]!["nextAttemptAtMs"]!, (long)raw["headReadyAtMs"]!);
        var inbox = (await _container.ReadItemAsync<JsonObject>(InboxDocument.IdFor("wx.1"), new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        Assert.True((bool)inbox["done"]!);
        Assert.Null(inbox["payload"]);
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenCommitStoppedBeforeMarkingTheEntry_NeverRunsItAgain()
    {
        var entry = await AppendAndClaimAsync("wx.1");
        await CommitAsync(null, ["reply"], entry.Sequence, "wx.1");
        var inbox = (await _container.ReadItemAsync<InboxDocument>(InboxDocument.IdFor("wx.1"), new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        inbox.Done = false;
        inbox.Payload = entry.Activity;
        await _container.ReplaceItemAsync(inbox, inbox.Id, new PartitionKey(Ana.Key), cancellationToken: Ct);
        Assert.False(await _subject.Inbox.IsCompletedAsync("wx.1", Ct));

        _subject.Clock.Advance(Lease * 2);
        var claimed = await _subject.Inbox.ClaimPendingAsync("w2", 0, 10, Lease, _subject.Clock.GetUtcNow(), Ct);

        Assert.Empty(claimed);
        Assert.True(await _subject.Inbox.IsCompletedAsync("wx.1", Ct));
        Assert.Equal(0, await _subject.Inbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_WhenMoreRepliesFinishedThanTheDocumentKeeps_ArchivesOldOnesAndListsThemAll()
    {
        const int Replies = ConversationDocument.FinishedKept + 5;
        string? etag = null;
        for (var i = 0; i < Replies; i++)
        {
            etag = await CommitAsync(etag, [$"reply {i}"], null, null);
            var due = Assert.Single(await _subject.Outbox.ClaimDueAsync("d", 10, Lease, _subject.Clock.GetUtcNow(), Ct));
            await _subject.Outbox.MarkSentAsync(due.Id, $"out.{i}", _subject.Clock.GetUtcNow(), Ct);
            etag = (await _subject.Conversations.LoadAsync(Ana.Key, Ct))!.ETag;
        }

        var receipt = await _subject.Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("out.0", DeliveryState.Read), _subject.Clock.GetUtcNow(), Ct);

        Assert.Equal(("reply 0", DeliveryState.Read), (receipt!.Message.ToPlainText(), receipt.DeliveryState!.Value));
        var raw = (await _container.ReadItemAsync<ConversationDocument>(ConversationDocument.DocumentId, new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        Assert.Equal(ConversationDocument.FinishedKept, raw.Outbox.Count);
        var listed = await _subject.Outbox.ListAsync(Ana.Key, Ct);
        Assert.Equal(Enumerable.Range(0, Replies).Select(i => $"reply {i}"), listed.Select(r => r.Message.ToPlainText()));
        Assert.All(listed, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(DeliveryState.Read, listed[0].DeliveryState);
    }

    [Fact]
    public async Task Stores_WhenAnotherProcessAppendedAndClaimed_FindEntriesAndRepliesByQuery()
    {
        var entry = await AppendAndClaimAsync("wx.1");
        await CommitAsync(null, ["first", "second"], entry.Sequence, "wx.1");
        using var otherStorage = new CosmosStorage(
            new CosmosStorageOptions
            {
                Endpoint = endpoint.Endpoint,
                Key = endpoint.Key,
                Database = _container.Database.Id,
                AcceptAnyServerCertificate = new Uri(endpoint.Endpoint).IsLoopback,
            },
            NullLogger<CosmosStorage>.Instance);
        var otherInbox = new CosmosInboxStore(otherStorage, new CosmosSequence(otherStorage), _subject.Clock, NullLogger<CosmosInboxStore>.Instance);
        var otherOutbox = new CosmosOutboxStore(otherStorage, NullLogger<CosmosOutboxStore>.Instance);

        Assert.True(await otherInbox.IsCompletedAsync("wx.1", Ct));
        Assert.Null(await otherInbox.IsCompletedAsync("wx.unknown", Ct));
        Assert.Equal(new TextMessage("first"), await otherOutbox.TryClaimPassiveReplyAsync("wx.1", _subject.Clock.GetUtcNow(), Ct));
        var second = Assert.Single(await otherOutbox.ClaimDueAsync("d", 10, Lease, _subject.Clock.GetUtcNow(), Ct));
        await _subject.Outbox.MarkSentAsync(second.Id, "out.2", _subject.Clock.GetUtcNow(), Ct);

        Assert.Equal([OutboxStatus.SentPassively, OutboxStatus.Sent], (await otherOutbox.ListAsync(Ana.Key, Ct)).Select(r => r.Status));
        var receipt = await otherOutbox.ApplyDeliveryStatusAsync(new DeliveryStatus("out.2", DeliveryState.Delivered), _subject.Clock.GetUtcNow(), Ct);
        Assert.Equal((second.Id, DeliveryState.Delivered), (receipt!.Id, receipt.DeliveryState!.Value));
    }

    private async Task<InboxEntry> AppendAndClaimAsync(string dedupeKey)
    {
        var activity = new Activity { Conversation = Ana, Type = ActivityType.Message, DedupeKey = dedupeKey, Timestamp = StorageSubject.Start, Text = "hi" };
        await _subject.Inbox.AppendAsync([activity], _subject.Clock.GetUtcNow(), Ct);
        return Assert.Single(await _subject.Inbox.ClaimPendingAsync("w1", 0, 10, Lease, _subject.Clock.GetUtcNow(), Ct));
    }

    private Task<string> CommitAsync(string? etag, string[] replies, long? sequence, string? inboundKey) =>
        _subject.Conversations.CommitTurnAsync(new TurnCommit(Ana.Key, etag, new() { Locale = "en" },
            replies.Select(r => new OutboundRecord(Ana, new TextMessage(r), "en", inboundKey, _subject.Clock.GetUtcNow())).ToList(), sequence), Ct);
}
