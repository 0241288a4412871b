using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Contracts.Storage;

/// <summary>What every <see cref="IOutboxStore"/> guarantees: per-conversation order, hold-back, retries, receipts and passive replies.</summary>
public abstract class OutboxStoreContract : StorageContract
{
    [Fact]
    public async Task ClaimDueAsync_WhenConversationHasSeveralReplies_ReturnsOnlyTheOldest()
    {
        await CommitAsync("ana", null, ["one", "two"]);
        await CommitAsync("ben", null, ["three"]);

        var due = await ClaimDueAsync();

        Assert.Equal(["one", "three"], due.Select(Text).Order());
        await Outbox.MarkSentAsync(due.Single(i => Text(i) == "one").Id, "wamid.out.1", Clock.GetUtcNow(), Ct);
        Assert.Equal(["two"], (await ClaimDueAsync()).Select(Text));
    }

    [Fact]
    public async Task ClaimDueAsync_WhenClaimed_IsNotDueAgainUntilTheLeaseLapses()
    {
        await CommitAsync("ana", null, ["one"]);
        Assert.Single(await ClaimDueAsync("d1"));

        Assert.Empty(await ClaimDueAsync("d2"));

        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(["one"], (await ClaimDueAsync("d2")).Select(Text));
    }

    [Fact]
    public async Task ReleaseClaimsAsync_WhenTheSameIdentityComesBack_MakesItsRepliesDueAtOnce_AndLeavesOthersClaims()
    {
        await CommitAsync("ana", null, ["one", "two"]);
        await CommitAsync("ben", null, ["three"]);
        var first = await ClaimDueAsync("instance-a", max: 1);
        var second = await ClaimDueAsync("instance-b", max: 1);
        Assert.Empty(await ClaimDueAsync("instance-a"));

        Assert.Equal(1, await Outbox.ReleaseClaimsAsync("instance-a", Ct));

        // Its reply is due again now, to anyone (before the lease lapses); the other identity's claim stands.
        Assert.Equal(first.Select(Text), (await ClaimDueAsync("instance-a")).Select(Text));
        Assert.Empty(await ClaimDueAsync("instance-c"));
        Assert.Equal(0, await Outbox.ReleaseClaimsAsync("instance-c", Ct));
        await Outbox.MarkSentAsync(Assert.Single(second).Id, "wamid.out.9", Clock.GetUtcNow(), Ct);
        Assert.Equal(0, await Outbox.ReleaseClaimsAsync("instance-b", Ct));
    }

    [Fact]
    public async Task ClaimDueAsync_WhenNotBeforeInFuture_HoldsTheReplyBack()
    {
        await CommitAsync("ana", null, ["passive"], notBefore: Clock.GetUtcNow().AddSeconds(4));

        Assert.Empty(await ClaimDueAsync());

        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(["passive"], (await ClaimDueAsync()).Select(Text));
    }

    [Fact]
    public async Task ScheduleRetryAsync_WhenRetryIsLater_IsNotDueBeforeItsTime()
    {
        await CommitAsync("ana", null, ["one"]);
        var item = Assert.Single(await ClaimDueAsync());

        await Outbox.ScheduleRetryAsync(item.Id, Clock.GetUtcNow().AddMinutes(2), "Rate limited.", "130429", Ct);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await ClaimDueAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = Assert.Single(await ClaimDueAsync());
        Assert.Equal(item.Id, retried.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("130429", retried.ErrorCode);
        Assert.Equal("Rate limited.", retried.Reason);
    }

    [Fact]
    public async Task MarkSentAsync_WhenSent_StoresTheChannelMessageId()
    {
        await CommitAsync("ana", null, ["one"]);
        var item = Assert.Single(await ClaimDueAsync());

        await Outbox.MarkSentAsync(item.Id, "wamid.out.1", Clock.GetUtcNow(), Ct);

        var stored = Assert.Single(await Outbox.ListAsync(Patron("ana").Key, Ct));
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal("wamid.out.1", stored.ChannelMessageId);
        Assert.Equal(1, stored.Attempts);
        Clock.Advance(Lease * 2);
        Assert.Empty(await ClaimDueAsync());
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_WhenReceiptsOutOfOrder_KeepsTheMostAdvancedState()
    {
        await CommitAsync("ana", null, ["one"]);
        await Outbox.MarkSentAsync(Assert.Single(await ClaimDueAsync()).Id, "wamid.out.1", Clock.GetUtcNow(), Ct);

        var read = await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.out.1", DeliveryState.Read), Clock.GetUtcNow(), Ct);
        var delivered = await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.out.1", DeliveryState.Delivered), Clock.GetUtcNow(), Ct);
        var sentAgain = await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.out.1", DeliveryState.Sent), Clock.GetUtcNow(), Ct);

        Assert.Equal(DeliveryState.Read, read!.DeliveryState);
        Assert.Equal(DeliveryState.Read, delivered!.DeliveryState);
        Assert.Equal(DeliveryState.Read, sentAgain!.DeliveryState);
        Assert.Equal("one", Text(sentAgain));
        var failed = await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.out.1", DeliveryState.Failed, "131047", "Re-engagement message"), Clock.GetUtcNow(), Ct);
        var readLate = await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.out.1", DeliveryState.Read), Clock.GetUtcNow(), Ct);
        Assert.Equal(DeliveryState.Failed, failed!.DeliveryState);
        Assert.Equal((DeliveryState.Failed, "131047", "Re-engagement message"), (readLate!.DeliveryState!.Value, readLate.ErrorCode, readLate.Reason));
        Assert.Equal(readLate, Assert.Single(await Outbox.ListAsync(Patron("ana").Key, Ct)));
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_WhenChannelMessageIdUnknown_ReturnsNull() =>
        Assert.Null(await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.nobody", DeliveryState.Read), Clock.GetUtcNow(), Ct));

    [Fact]
    public async Task TryClaimPassiveReplyAsync_WhenTurnReplied_ClaimsItsFirstReplyOnce()
    {
        await CommitAsync("ana", null, ["first"], inboundKey: "wx.1", notBefore: Clock.GetUtcNow().AddSeconds(4));

        var claimed = await Outbox.TryClaimPassiveReplyAsync("wx.1", Clock.GetUtcNow(), Ct);
        var again = await Outbox.TryClaimPassiveReplyAsync("wx.1", Clock.GetUtcNow(), Ct);

        Assert.Equal(new TextMessage("first"), claimed);
        Assert.Null(again);
        Assert.Equal(OutboxStatus.SentPassively, Assert.Single(await Outbox.ListAsync(Patron("ana").Key, Ct)).Status);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(await ClaimDueAsync());
    }

    [Fact]
    public async Task TryClaimPassiveReplyAsync_WhenOlderReplyOfConversationPending_ReturnsNull()
    {
        var etag = await CommitAsync("ana", null, ["older"], inboundKey: "wx.1");
        await CommitAsync("ana", etag, ["newer"], inboundKey: "wx.2");

        Assert.Null(await Outbox.TryClaimPassiveReplyAsync("wx.2", Clock.GetUtcNow(), Ct));
        Assert.Null(await Outbox.TryClaimPassiveReplyAsync("wx.unknown", Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task TryClaimPassiveReplyAsync_WhenDispatcherHoldsTheReply_ReturnsNull()
    {
        await CommitAsync("ana", null, ["first"], inboundKey: "wx.1");
        Assert.Single(await ClaimDueAsync());

        Assert.Null(await Outbox.TryClaimPassiveReplyAsync("wx.1", Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task MarkStoppedAsync_WhenFailedOrHeld_KeepsTheReasonAndReleasesTheNextReply()
    {
        await CommitAsync("ana", null, ["one", "two"]);
        await CommitAsync("ben", null, ["three"]);
        var due = await ClaimDueAsync();

        await Outbox.MarkStoppedAsync(due.Single(i => Text(i) == "one").Id, OutboxStatus.Failed, "Recipient not on WhatsApp.", "131026", Clock.GetUtcNow(), Ct);
        await Outbox.MarkStoppedAsync(due.Single(i => Text(i) == "three").Id, OutboxStatus.Held, "Outside the service window.", null, Clock.GetUtcNow(), Ct);

        var ana = await Outbox.ListAsync(Patron("ana").Key, Ct);
        Assert.Equal((OutboxStatus.Failed, "Recipient not on WhatsApp.", "131026", 1), (ana[0].Status, ana[0].Reason, ana[0].ErrorCode, ana[0].Attempts));
        var ben = Assert.Single(await Outbox.ListAsync(Patron("ben").Key, Ct));
        Assert.Equal((OutboxStatus.Held, "Outside the service window."), (ben.Status, ben.Reason));
        Assert.Equal(["two"], (await ClaimDueAsync()).Select(Text));
    }

    [Fact]
    public async Task RecordRecipientEffectAsync_WhenRecordedTwice_IsIdempotent()
    {
        await CommitAsync("ana", null, ["one"]);
        var before = await Outbox.ListAsync(Patron("ana").Key, Ct);

        await Outbox.RecordRecipientEffectAsync(Patron("ana").Key, RecipientEffect.Unreachable, "Not on WhatsApp.", Clock.GetUtcNow(), Ct);
        await Outbox.RecordRecipientEffectAsync(Patron("ana").Key, RecipientEffect.Unreachable, "Not on WhatsApp.", Clock.GetUtcNow(), Ct);

        Assert.Equal(before, await Outbox.ListAsync(Patron("ana").Key, Ct));
    }

    [Fact]
    public async Task ListAsync_WhenConversationHasReplies_ReturnsThemOldestFirst()
    {
        var etag = await CommitAsync("ana", null, ["one", "two"]);
        Clock.Advance(TimeSpan.FromSeconds(3));
        await CommitAsync("ana", etag, ["three"]);
        var choice = new ChoiceQuestion("Which branch?", [new Choice("main", "Main library"), new Choice("east", "East branch")]);
        var notice = new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string> { ["title"] = "Dune" }, "Dune is ready.");
        await CommitMessagesAsync("ben", choice, notice);

        var items = await Outbox.ListAsync(Patron("ana").Key, Ct);

        Assert.Equal(["one", "two", "three"], items.Select(Text));
        Assert.True(items[0].Id < items[1].Id && items[1].Id < items[2].Id);
        Assert.All(items, i => Assert.Equal((Patron("ana"), "en", OutboxStatus.Pending, 0, StorageSubject.Start), (i.To, i.Locale, i.Status, i.Attempts, i.LastInboundAt)));
        Assert.Equal(StorageSubject.Start.AddSeconds(3), items[2].CreatedAt);
        var ben = await Outbox.ListAsync(Patron("ben").Key, Ct);
        Assert.Equal(choice.Choices, Assert.IsType<ChoiceQuestion>(ben[0].Message).Choices);
        Assert.Equal((NotificationKind.HoldReady, "Dune"), (Assert.IsType<TemplateNotification>(ben[1].Message).Kind, ((TemplateNotification)ben[1].Message).Parameters["title"]));
        Assert.Empty(await Outbox.ListAsync(Patron("nobody").Key, Ct));
    }

    [Fact]
    public async Task CountPendingAsync_WhenSomeRepliesAreSentOrStopped_CountsTheRestAcrossConversations()
    {
        await CommitAsync("ana", null, ["one", "two"]);
        await CommitAsync("ben", null, ["three"]);
        Assert.Equal(3, await Outbox.CountPendingAsync(Ct));

        var due = await ClaimDueAsync();
        await Outbox.MarkSentAsync(due.Single(i => Text(i) == "one").Id, "wamid.out.1", Clock.GetUtcNow(), Ct);
        await Outbox.ScheduleRetryAsync(due.Single(i => Text(i) == "three").Id, Clock.GetUtcNow().AddMinutes(1), "Rate limited.", "130429", Ct);
        Assert.Equal(2, await Outbox.CountPendingAsync(Ct));

        var two = Assert.Single(await ClaimDueAsync());
        await Outbox.MarkStoppedAsync(two.Id, OutboxStatus.Failed, "Refused.", "131026", Clock.GetUtcNow(), Ct);
        Assert.Equal(1, await Outbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task ClaimDueAsync_WhenTheTurnWasTraced_ReturnsItsInboundKeyAndTraceParent()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await Conversations.CommitTurnAsync(new TurnCommit(Patron("ana").Key, null, State(),
            [new OutboundRecord(Patron("ana"), new TextMessage("one"), "en", "wamid.in.1", Clock.GetUtcNow(), TraceParent: traceParent)], null), Ct);

        var item = Assert.Single(await ClaimDueAsync());

        Assert.Equal(("wamid.in.1", traceParent), (item.InboundDedupeKey, item.TraceParent));
    }

    private Task<string> CommitMessagesAsync(string user, params OutboundMessage[] messages) =>
        Conversations.CommitTurnAsync(new TurnCommit(Patron(user).Key, null, State(),
            messages.Select(m => new OutboundRecord(Patron(user), m, "en", null, Clock.GetUtcNow())).ToList(), null), Ct);
}
