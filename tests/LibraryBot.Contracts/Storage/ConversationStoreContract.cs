using LibraryBot.Bot.Storage;

namespace LibraryBot.Contracts.Storage;

/// <summary>What every <see cref="IConversationStore"/> guarantees: optimistic concurrency and atomic turn commits.</summary>
public abstract class ConversationStoreContract : StorageContract
{
    [Fact]
    public async Task LoadAsync_WhenConversationUnknown_ReturnsNull() =>
        Assert.Null(await Conversations.LoadAsync(Patron("nobody").Key, Ct));

    [Fact]
    public async Task LoadManyAsync_GivesEachKnownConversationAsLoadAsyncDoesAndLeavesOutNewOnes()
    {
        var anas = State("es");
        anas.Values["patron"] = "p-ana";
        await CommitAsync("ana", null, [], state: anas);
        var bens = await CommitAsync("ben", null, ["hello"]);
        await CommitAsync("ben", bens, [], state: State("vi"));

        var many = await Conversations.LoadManyAsync([Patron("ana").Key, Patron("nobody").Key, Patron("ben").Key, Patron("ana").Key], Ct);

        Assert.Equal(new[] { Patron("ana").Key, Patron("ben").Key }.Order(), many.Keys.Order());
        foreach (var (key, snapshot) in many)
        {
            var alone = await Conversations.LoadAsync(key, Ct);
            Assert.Equal((alone!.ConversationKey, alone.ETag, alone.State.Locale), (snapshot.ConversationKey, snapshot.ETag, snapshot.State.Locale));
        }

        Assert.Equal("p-ana", many[Patron("ana").Key].State.Values["patron"]);
        await CommitAsync("ben", many[Patron("ben").Key].ETag, ["its version is the current one"]);
        Assert.Empty(await Conversations.LoadManyAsync([], Ct));
    }

    [Fact]
    public async Task CommitTurnAsync_WhenNewConversation_CreatesItWithItsState()
    {
        var state = State("es");
        state.Values["patron"] = "linked";
        state.RememberProcessed("wamid.1");

        var etag = await CommitAsync("ana", null, [], state: state);

        var loaded = await Conversations.LoadAsync(Patron("ana").Key, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(etag, loaded.ETag);
        Assert.Equal("es", loaded.State.Locale);
        Assert.Equal("linked", loaded.State.Values["patron"]);
        Assert.True(loaded.State.HasProcessed("wamid.1"));
        Assert.Equal(StorageSubject.Start, loaded.State.LastInboundAt);
    }

    [Fact]
    public async Task CommitTurnAsync_WhenCreatedTwiceWithoutETag_Conflicts()
    {
        await CommitAsync("ana", null, []);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync("ana", null, ["second"]));
        Assert.Empty(await Outbox.ListAsync(Patron("ana").Key, Ct));
    }

    [Fact]
    public async Task CommitTurnAsync_WhenETagCurrent_ReplacesStateWithNewETag()
    {
        var first = await CommitAsync("ana", null, []);

        var second = await CommitAsync("ana", first, [], state: State("vi"));

        Assert.NotEqual(first, second);
        var loaded = await Conversations.LoadAsync(Patron("ana").Key, Ct);
        Assert.Equal(second, loaded!.ETag);
        Assert.Equal("vi", loaded.State.Locale);
    }

    [Fact]
    public async Task CommitTurnAsync_WhenETagStale_ConflictsAndNothingOfItIsVisible()
    {
        var stale = await CommitAsync("ana", null, []);
        var current = await CommitAsync("ana", stale, ["from the winning turn"], state: State("es"));
        await AppendAsync(Message("ana", "wamid.2"));
        var entry = Assert.Single(await ClaimAsync("w1"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => CommitAsync("ana", stale, ["from the losing turn"], entry.Sequence, state: State("vi")));

        var loaded = await Conversations.LoadAsync(Patron("ana").Key, Ct);
        Assert.Equal(current, loaded!.ETag);
        Assert.Equal("es", loaded.State.Locale);
        Assert.Equal(["from the winning turn"], (await Outbox.ListAsync(Patron("ana").Key, Ct)).Select(Text));
        Assert.False(await Inbox.IsCompletedAsync("wamid.2", Ct));
        Assert.Equal(1, await Inbox.CountPendingAsync(Ct));
        Assert.Equal(entry.Sequence, Assert.Single(await ClaimAsync("w1")).Sequence);
    }

    [Fact]
    public async Task CommitTurnAsync_WhenTwoTurnsRaceFromOneVersion_ExactlyOneWins()
    {
        var etag = await CommitAsync("ana", null, []);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await CommitAsync("ana", etag, [$"turn {i}"], state: State($"l{i}"));
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(results, r => r >= 0);
        Assert.Equal($"l{winner}", (await Conversations.LoadAsync(Patron("ana").Key, Ct))!.State.Locale);
        Assert.Equal([$"turn {winner}"], (await Outbox.ListAsync(Patron("ana").Key, Ct)).Select(Text));
    }

    [Fact]
    public async Task CommitTurnAsync_WhenTurnConsumesInboxEntry_CompletesItForGood()
    {
        await AppendAsync(Message("ana", "wamid.1", "renew my books"));
        var entry = Assert.Single(await ClaimAsync("w1"));

        await CommitAsync("ana", null, ["Renewed."], entry.Sequence, "wamid.1");

        Assert.True(await Inbox.IsCompletedAsync("wamid.1", Ct));
        Assert.Equal(0, await Inbox.CountPendingAsync(Ct));
        Clock.Advance(Lease * 3);
        Assert.Empty(await ClaimAsync("w2"));
        Assert.Equal([false], await AppendAsync(Message("ana", "wamid.1", "renew my books")));
        Assert.Empty(await ClaimAsync("w2"));
    }

    [Fact]
    public async Task CommitTurnAsync_WhenInboxEntryAlreadyConsumed_Conflicts()
    {
        await AppendAsync(Message("ana", "wamid.1"));
        var entry = Assert.Single(await ClaimAsync("w1"));
        var etag = await CommitAsync("ana", null, ["once"], entry.Sequence);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync("ana", etag, ["twice"], entry.Sequence));

        Assert.Equal(etag, (await Conversations.LoadAsync(Patron("ana").Key, Ct))!.ETag);
        Assert.Equal(["once"], (await Outbox.ListAsync(Patron("ana").Key, Ct)).Select(Text));
    }

    [Fact]
    public async Task CommitTurnAsync_WhenInboxEntryCompletedWithoutTurn_Conflicts()
    {
        await AppendAsync(Message("ana", "wamid.1"));
        var entry = Assert.Single(await ClaimAsync("w1"));
        await Inbox.CompleteAsync(entry.Sequence, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync("ana", null, ["late"], entry.Sequence));

        Assert.Null(await Conversations.LoadAsync(Patron("ana").Key, Ct));
    }

    [Fact]
    public async Task EraseAsync_WhenConversationExists_KeepsOnlyTheResidueAndPendingReplies()
    {
        var state = State("es");
        state.Values["cards"] = "linked";
        state.Values["marketing.optout"] = "2026-11-27T10:00:00Z";
        await CommitAsync("ana", null, ["already sent"], state: state);
        var sent = Assert.Single(await ClaimDueAsync());
        await Outbox.MarkSentAsync(sent.Id, "wamid.out.1", Clock.GetUtcNow(), Ct);
        var current = (await Conversations.LoadAsync(Patron("ana").Key, Ct))!.ETag;
        await CommitAsync("ana", current, ["the confirmation"], state: state);
        await CommitAsync("ben", null, []);

        var residue = new Bot.Engine.ConversationState { LastInboundAt = StorageSubject.Start };
        residue.Values["marketing.optout"] = "2026-11-27T10:00:00Z";
        await Conversations.EraseAsync(Patron("ana").Key, residue, Ct);

        var loaded = await Conversations.LoadAsync(Patron("ana").Key, Ct);
        Assert.NotNull(loaded);
        Assert.Null(loaded.State.Locale);
        Assert.False(loaded.State.Values.ContainsKey("cards"));
        Assert.Equal("2026-11-27T10:00:00Z", loaded.State.Values["marketing.optout"]);
        Assert.Equal(StorageSubject.Start, loaded.State.LastInboundAt);
        var left = Assert.Single(await Outbox.ListAsync(Patron("ana").Key, Ct));
        Assert.Equal("the confirmation", Text(left));
        Assert.Equal(StorageSubject.Start, left.LastInboundAt);
        Assert.NotNull(await Conversations.LoadAsync(Patron("ben").Key, Ct));
        await CommitAsync("ana", loaded.ETag, ["welcome back"]);
    }

    [Fact]
    public async Task EraseAsync_WhenConversationUnknown_DoesNothing()
    {
        await Conversations.EraseAsync(Patron("nobody").Key, new Bot.Engine.ConversationState(), Ct);

        Assert.Null(await Conversations.LoadAsync(Patron("nobody").Key, Ct));
    }
}
