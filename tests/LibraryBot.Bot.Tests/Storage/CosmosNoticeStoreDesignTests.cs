using System.Text.Json.Nodes;
using LibraryBot.Bot.Notices;
using LibraryBot.Channels.Activities;
using LibraryBot.Contracts.Storage;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>What the Cosmos DB notice ledger does beyond the contract: where its documents live, and finishing a plan a crash interrupted.</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosNoticeStoreDesignTests(CosmosEndpointFixture endpoint) : IAsyncLifetime
{
    private static readonly ConversationRef Ana = new(ChannelId.WhatsApp, "15550001111", "34600111222");
    private StorageSubject _subject = null!;
    private Container _container = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private INoticeStore Notices => _subject.Notices;

    public async ValueTask InitializeAsync()
    {
        var (subject, storage) = await CosmosSubjects.CreateWithStorageAsync(endpoint, "noticedesign");
        _subject = subject;
        _container = await storage.GetContainerAsync(Ct);
    }

    public ValueTask DisposeAsync() => _subject.DisposeAsync();

    [Fact]
    public async Task PlanAsync_KeepsTheDigestAndOneDocumentPerNoticeInTheChatsPartition()
    {
        var digest = Digest("d1", Notice("HoldReady:p-1:h1"), Notice("DueSoon:p-1:l1:2026-11-04"));
        await Notices.PlanAsync([digest], Ct);
        await Notices.TryLeaseAsync("server-a", StorageSubject.Start, StorageSubject.Start.AddMinutes(10), Ct);

        var stored = (await _container.ReadItemAsync<JsonObject>("notice-digest-d1", new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        Assert.Equal(("noticeDigest", false, false), ((string?)stored["type"], (bool)stored["planning"]!, (bool)stored["delivered"]!));
        Assert.Equal(["DueSoon:p-1:l1:2026-11-04", "HoldReady:p-1:h1"], stored["notices"]!.AsArray().Select(n => (string?)n!["notice"]!["key"]));
        Assert.Equal(["Planned", "Planned"], stored["notices"]!.AsArray().Select(n => (string?)n!["status"]));
        var claim = (await _container.ReadItemAsync<JsonObject>(NoticeKeyDocument.IdFor("HoldReady:p-1:h1"), new PartitionKey(Ana.Key), cancellationToken: Ct)).Resource;
        Assert.Equal(("noticeKey", "d1"), ((string?)claim["type"], (string?)claim["digestId"]));
        var lease = (await _container.ReadItemAsync<JsonObject>("notices-run", new PartitionKey("_leases"), cancellationToken: Ct)).Resource;
        Assert.Equal("server-a", (string?)lease["owner"]);
    }

    [Fact]
    public async Task UndeliveredAsync_WhenARunStoppedWhilePlanning_FinishesThePlanWithTheNoticesItHadClaimed()
    {
        // The run wrote the digest (planning) and claimed one notice before it stopped; another digest holds the third.
        await Notices.PlanAsync([Digest("d0", Notice("Overdue:p-1:l2:2026-10-30:1"))], Ct);
        var interrupted = NoticeDigestDocument.Planned(Digest("d1", Notice("HoldReady:p-1:h1"), Notice("DueSoon:p-1:l1:2026-11-04"), Notice("Overdue:p-1:l2:2026-10-30:1")));
        await _container.CreateItemAsync(interrupted, new PartitionKey(Ana.Key), cancellationToken: Ct);
        await _container.CreateItemAsync(new NoticeKeyDocument { Id = NoticeKeyDocument.IdFor("HoldReady:p-1:h1"), Pk = Ana.Key, Key = "HoldReady:p-1:h1", DigestId = "d1", PlannedAtMs = interrupted.PlannedAtMs },
            new PartitionKey(Ana.Key), cancellationToken: Ct);
        Assert.Null(await Notices.FindDigestAsync(Ana.Key, "d1", Ct));

        var resumed = await Notices.UndeliveredAsync(Ct);

        var finished = Assert.Single(resumed, d => d.Id == "d1");
        Assert.Equal(["DueSoon:p-1:l1:2026-11-04", "HoldReady:p-1:h1"], finished.Notices.Select(n => n.Key));
        Assert.NotNull(await Notices.FindDigestAsync(Ana.Key, "d1", Ct));
        Assert.Equal(3, (await Notices.PlannedKeysAsync([Ana.Key], Ct))[Ana.Key].Count);
        Assert.Equal(3, (await Notices.ListAsync(new NoticeQuery(), Ct)).Count);
    }

    [Fact]
    public async Task UndeliveredAsync_WhenAnInterruptedPlanGotNoNotice_RemovesIt()
    {
        await Notices.PlanAsync([Digest("d0", Notice("HoldReady:p-1:h1"))], Ct);
        var interrupted = NoticeDigestDocument.Planned(Digest("d1", Notice("HoldReady:p-1:h1")));
        await _container.CreateItemAsync(interrupted, new PartitionKey(Ana.Key), cancellationToken: Ct);

        Assert.Equal(["d0"], (await Notices.UndeliveredAsync(Ct)).Select(d => d.Id));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Assert.ThrowsAsync<CosmosException>(() =>
            _container.ReadItemAsync<JsonObject>("notice-digest-d1", new PartitionKey(Ana.Key), cancellationToken: Ct))).StatusCode);
    }

    private static NoticeDigest Digest(string id, params PlannedNotice[] notices) => new(id, Ana.Key, "run-1", StorageSubject.Start, notices);

    private static PlannedNotice Notice(string key) =>
        new(key, Enum.Parse<NoticeKind>(key.Split(':')[0]), "p-1", "Ana", "Title", key.Split(':')[2], null, new DateOnly(2026, 11, 4));
}
