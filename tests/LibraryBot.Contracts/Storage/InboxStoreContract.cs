using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Contracts.Storage;

/// <summary>What every <see cref="IInboxStore"/> guarantees: idempotent appends and ordered, leased, per-conversation claims.</summary>
public abstract class InboxStoreContract : StorageContract
{
    [Fact]
    public async Task AppendAsync_WhenNew_StoresPendingEntries()
    {
        var added = await AppendAsync(Message("ana", "wamid.1"), Message("ben", "wamid.2"));

        Assert.Equal([true, true], added);
        Assert.Equal(2, await Inbox.CountPendingAsync(Ct));
        Assert.False(await Inbox.IsCompletedAsync("wamid.1", Ct));
    }

    [Fact]
    public async Task AppendAsync_WhenSameKeyTwiceInOneBatch_StoresOneEntry()
    {
        var added = await AppendAsync(Message("ana", "wamid.1"), Message("ana", "wamid.1"));

        Assert.Equal([true, false], added);
        Assert.Single(await ClaimAsync("w1"));
    }

    [Fact]
    public async Task AppendAsync_WhenKeyStoredByEarlierBatch_ReportsRepeat()
    {
        await AppendAsync(Message("ana", "wamid.1"));

        var added = await AppendAsync(Message("ana", "wamid.1"), Message("ana", "wamid.3"));

        Assert.Equal([false, true], added);
        Assert.Equal(2, await Inbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task IsCompletedAsync_WhenKeyUnknown_ReturnsNull() =>
        Assert.Null(await Inbox.IsCompletedAsync("wamid.unknown", Ct));

    [Fact]
    public async Task ClaimPendingAsync_WhenEntriesPending_ReturnsThemInArrivalOrder()
    {
        await AppendAsync(Message("ana", "wamid.1", "first"), Message("ben", "wamid.2", "second"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(Message("ana", "wamid.3", "third"));

        var entries = await ClaimAsync("w1");

        Assert.Equal(["first", "second", "third"], entries.Select(e => e.Activity.Text));
        Assert.True(entries[0].Sequence < entries[1].Sequence && entries[1].Sequence < entries[2].Sequence);
        Assert.Equal(StorageSubject.Start, entries[0].ReceivedAt);
        Assert.Equal(StorageSubject.Start.AddSeconds(1), entries[2].ReceivedAt);
        Assert.Equal(Message("ana", "wamid.1", "first"), entries[0].Activity);
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenAnotherWorkerHoldsConversation_SkipsAllOfIt()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ana", "wamid.2"), Message("ben", "wamid.3"));
        Assert.Equal(["wamid.1"], (await ClaimAsync("w1", max: 1)).Select(e => e.Activity.DedupeKey));
        await AppendAsync(Message("ana", "wamid.4"));

        var second = await ClaimAsync("w2");

        Assert.Equal(["wamid.3"], second.Select(e => e.Activity.DedupeKey));
        Assert.Empty(await ClaimAsync("w3"));
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenSameWorkerClaimsAgain_ReturnsAllItsConversationEntries()
    {
        await AppendAsync(Message("ana", "wamid.1"));
        await ClaimAsync("w1");
        await AppendAsync(Message("ana", "wamid.2"));

        var again = await ClaimAsync("w1");

        Assert.Equal(["wamid.1", "wamid.2"], again.Select(e => e.Activity.DedupeKey));
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenLeaseLapses_GivesEntriesToAnotherWorker()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ana", "wamid.2"));
        await ClaimAsync("w1");
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await ClaimAsync("w2"));

        Clock.Advance(TimeSpan.FromSeconds(2));
        var taken = await ClaimAsync("w2");

        Assert.Equal(["wamid.1", "wamid.2"], taken.Select(e => e.Activity.DedupeKey));
        Assert.Empty(await ClaimAsync("w1"));
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenWorkersClaimAtOnce_NeverShareAConversation()
    {
        var users = new[] { "ana", "ben", "cy", "dee" };
        await AppendAsync(users.SelectMany(u => new[] { Message(u, $"{u}.1"), Message(u, $"{u}.2") }).ToArray());

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(w => ClaimAsync($"w{w}")));

        var owners = claims.SelectMany((entries, worker) => entries.Select(e => (e.Activity.Conversation.UserId, worker))).Distinct().ToList();
        Assert.Equal(users.Order(), owners.Select(o => o.UserId).Order());
        Assert.Equal(8, claims.Sum(c => c.Count));
    }

    [Fact]
    public async Task ClaimPendingAsync_AfterTheLastClaimedSequence_ReturnsOnlyNewerEntries_BehindTheConversationsItHolds()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ben", "wamid.2"));
        var first = await ClaimAsync("w1");
        await AppendAsync(Message("ana", "wamid.3"), Message("cy", "wamid.4"));

        var next = await ClaimAsync("w1", afterSequence: first.Max(e => e.Sequence));

        Assert.Equal(["wamid.3", "wamid.4"], next.Select(e => e.Activity.DedupeKey).Where(k => k is "wamid.3" or "wamid.4"));
        Assert.DoesNotContain(next, e => e.Activity.DedupeKey == "wamid.2");
        Assert.Empty(await ClaimAsync("w2"));
    }

    [Fact]
    public async Task ClaimPendingAsync_AfterASequence_NeverReturnsAnEntryWhoseOlderEntryItDoesNotHold()
    {
        await AppendAsync(Message("ana", "wamid.1"));
        var held = Assert.Single(await ClaimAsync("w2"));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await AppendAsync(Message("ana", "wamid.2"));

        var next = await ClaimAsync("w1", afterSequence: held.Sequence);

        // Either nothing of the conversation yet (the older entry is found by a look from the start), or all of it in order.
        Assert.True(next.Count == 0 || next.Select(e => e.Activity.DedupeKey).SequenceEqual(["wamid.1", "wamid.2"]),
            string.Join(", ", next.Select(e => e.Activity.DedupeKey)));
        Assert.Equal(["wamid.1", "wamid.2"], (await ClaimAsync("w1")).Select(e => e.Activity.DedupeKey));
    }

    [Fact]
    public async Task RenewClaimsAsync_WhileTheEntriesRun_KeepsThemFromOtherWorkersPastTheFirstLease()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ben", "wamid.2"));
        var held = await ClaimAsync("w1");
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));

        await Inbox.RenewClaimsAsync("w1", held.Where(e => e.Activity.DedupeKey == "wamid.1").ToList(), Clock.GetUtcNow() + Lease, Ct);
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["wamid.2"], (await ClaimAsync("w2")).Select(e => e.Activity.DedupeKey));
        await Inbox.RenewClaimsAsync("w3", held, Clock.GetUtcNow() + Lease * 10, Ct);
        Clock.Advance(Lease);
        Assert.Equal(["wamid.1"], (await ClaimAsync("w3")).Select(e => e.Activity.DedupeKey));
    }

    [Fact]
    public async Task ClaimPendingAsync_WhenMoreThanMax_ReturnsOldestMax()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ben", "wamid.2"), Message("cy", "wamid.3"));

        var entries = await ClaimAsync("w1", max: 2);

        Assert.Equal(["wamid.1", "wamid.2"], entries.Select(e => e.Activity.DedupeKey));
        Assert.Equal(["wamid.3"], (await ClaimAsync("w2")).Select(e => e.Activity.DedupeKey));
    }

    [Fact]
    public async Task CompleteAsync_WhenEntryPending_CompletesItAndErasesPayload()
    {
        await AppendAsync(Message("ana", "wamid.1"), Message("ana", "wamid.2"));
        var entries = await ClaimAsync("w1");

        await Inbox.CompleteAsync(entries[0].Sequence, Ct);
        await Inbox.CompleteAsync(entries[0].Sequence, Ct);

        Assert.True(await Inbox.IsCompletedAsync("wamid.1", Ct));
        Assert.Equal(1, await Inbox.CountPendingAsync(Ct));
        Clock.Advance(Lease * 2);
        Assert.Equal(["wamid.2"], (await ClaimAsync("w2")).Select(e => e.Activity.DedupeKey));
    }

    [Fact]
    public async Task AppendAsync_WhenDeliveryStatus_KeepsTheReceipt()
    {
        var receipt = new Activity
        {
            Conversation = Patron("ana"),
            Type = ActivityType.DeliveryStatus,
            DedupeKey = "status.wamid.9.read",
            Timestamp = StorageSubject.Start,
            Status = new DeliveryStatus("wamid.9", DeliveryState.Read),
        };

        await AppendAsync(receipt);

        Assert.Equal(receipt, Assert.Single(await ClaimAsync("w1")).Activity);
    }
}
