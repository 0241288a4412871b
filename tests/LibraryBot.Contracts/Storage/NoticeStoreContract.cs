using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="INoticeStore"/> guarantees: a notice is planned once per chat, the run lease is exclusive until
/// it lapses or is released, a digest the inbox never got is found again, the funnel follows the digest's reply and only
/// moves forward, and the staff list filters, limits and counts.
/// </summary>
public abstract class NoticeStoreContract : StorageContract
{
    private static readonly ConversationRef Ben = new(ChannelId.WeChat, "gh_library", "openid-ben");

    private INoticeStore Notices => Subject.Notices;

    [Fact]
    public async Task PlanAsync_WhenANoticeWasPlannedBefore_LeavesItOutAndStoresEachNoticeOnce()
    {
        var ana = Patron("ana");
        var ready = Notice(NoticeKind.HoldReady, "h1");
        var overdue = Notice(NoticeKind.Overdue, "l1:2026-10-30:1");
        var dueSoon = Notice(NoticeKind.DueSoon, "l2:2026-11-04");

        var first = Assert.Single(await Notices.PlanAsync([Digest(ana, ready, overdue)], Ct));
        var second = Assert.Single(await Notices.PlanAsync([Digest(ana, dueSoon, ready)], Ct));
        var third = await Notices.PlanAsync([Digest(ana, overdue, ready)], Ct);

        Assert.Equal([ready.Key, overdue.Key], first.Notices.Select(n => n.Key));
        Assert.Equal([dueSoon.Key], second.Notices.Select(n => n.Key));
        Assert.Empty(third);
        Assert.Null(await Notices.FindDigestAsync(ana.Key, "never-stored", Ct));
        var keys = (await Notices.PlannedKeysAsync([ana.Key], Ct))[ana.Key];
        Assert.Equal(new[] { ready.Key, overdue.Key, dueSoon.Key }.Order(), keys.Order());
        Assert.Equal(3, (await Notices.ListAsync(new NoticeQuery(), Ct)).Count);
    }

    [Fact]
    public async Task PlanAsync_WhenTheSameDigestIsPlannedAgain_StoresNothingMore()
    {
        var digest = Digest(Patron("ana"), Notice(NoticeKind.HoldReady, "h1"));

        Assert.Single(await Notices.PlanAsync([digest], Ct));
        Assert.Empty(await Notices.PlanAsync([digest], Ct));

        Assert.Single(await Notices.ListAsync(new NoticeQuery(), Ct));
    }

    [Fact]
    public async Task PlanAsync_WhenAnotherChatHasTheSameNotice_StoresItForEachChat()
    {
        // A family's card linked in two chats: each chat is told once.
        var notice = Notice(NoticeKind.HoldReady, "h1");

        var stored = await Notices.PlanAsync([Digest(Patron("ana"), notice), Digest(Ben, notice)], Ct);

        Assert.Equal([Patron("ana").Key, Ben.Key], stored.Select(d => d.ConversationKey));
        Assert.Equal(2, (await Notices.ListAsync(new NoticeQuery(), Ct)).Count);
    }

    [Fact]
    public async Task PlanAsync_WhenTwoRunsPlanTheSameChatAtOnce_StoresEachNoticeOnce()
    {
        var ana = Patron("ana");
        var notices = Enumerable.Range(1, 6).Select(i => Notice(NoticeKind.HoldReady, $"h{i}")).ToArray();

        var raced = await Task.WhenAll(
            Task.Run(() => Notices.PlanAsync([Digest(ana, notices)], Ct), Ct),
            Task.Run(() => Notices.PlanAsync([Digest(ana, [.. notices.Reverse()])], Ct), Ct));

        var kept = raced.SelectMany(r => r).SelectMany(d => d.Notices).Select(n => n.Key).ToList();
        Assert.Equal(notices.Select(n => n.Key).Order(), kept.Order());
        Assert.Equal(6, (await Notices.ListAsync(new NoticeQuery(), Ct)).Count);
    }

    [Fact]
    public async Task PlannedKeysAsync_ForSeveralChats_GivesEachItsOwnKeysAndLeavesOutChatsWithNone()
    {
        await Notices.PlanAsync([Digest(Patron("ana"), Notice(NoticeKind.HoldReady, "h1")), Digest(Ben, Notice(NoticeKind.DueSoon, "l1:2026-11-04"))], Ct);

        var keys = await Notices.PlannedKeysAsync([Patron("ana").Key, Ben.Key, Patron("chi").Key], Ct);

        Assert.Equal(new[] { Ben.Key, Patron("ana").Key }.Order(), keys.Keys.Order());
        Assert.Equal(["HoldReady:p-ana:h1"], keys[Patron("ana").Key]);
        Assert.Equal(["DueSoon:p-ana:l1:2026-11-04"], keys[Ben.Key]);
    }

    [Fact]
    public async Task DigestsSinceAsync_CountsEachChatsDigestsFromTheInstant()
    {
        var ana = Patron("ana");
        await Notices.PlanAsync([Digest(ana, Notice(NoticeKind.HoldReady, "h1")), Digest(Ben, Notice(NoticeKind.HoldReady, "h1"))], Ct);
        Clock.Advance(TimeSpan.FromHours(1));
        await Notices.PlanAsync([Digest(ana, Notice(NoticeKind.HoldReady, "h2"))], Ct);

        var sinceStart = await Notices.DigestsSinceAsync([ana.Key, Ben.Key, Patron("chi").Key], StorageSubject.Start, Ct);
        var sinceLater = await Notices.DigestsSinceAsync([ana.Key, Ben.Key], StorageSubject.Start.AddMinutes(30), Ct);

        Assert.Equal((2, 1, false), (sinceStart[ana.Key], sinceStart[Ben.Key], sinceStart.ContainsKey(Patron("chi").Key)));
        Assert.Equal((1, false), (sinceLater[ana.Key], sinceLater.ContainsKey(Ben.Key)));
    }

    [Fact]
    public async Task UndeliveredAsync_AfterAStopBetweenPlanningAndHandingOver_GivesTheDigestBackUntilTheInboxHasIt()
    {
        var ana = Patron("ana");
        var anas = Digest(ana, Notice(NoticeKind.Overdue, "l1:2026-10-30:1"), Notice(NoticeKind.DueSoon, "l2:2026-11-04"));
        await Notices.PlanAsync([anas], Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var bens = Digest(Ben, Notice(NoticeKind.HoldReady, "h1"));
        await Notices.PlanAsync([bens], Ct);

        // The process stopped before the inbox got either: both come back, oldest first, notices in key order.
        var resumed = await Notices.UndeliveredAsync(Ct);
        Assert.Equal([anas.Id, bens.Id], resumed.Select(d => d.Id));
        Assert.Equal((ana.Key, "run-1", StorageSubject.Start), (resumed[0].ConversationKey, resumed[0].RunId, resumed[0].PlannedAt));
        Assert.Equal(anas.Notices.OrderBy(n => n.Key, StringComparer.Ordinal), resumed[0].Notices);

        // Handed over: the inbox has Ana's, so only Ben's comes back; once Ben's turn ran, none.
        Assert.Equal([true], await Inbox.AppendAsync([NoticeEvent(anas)], Clock.GetUtcNow(), Ct));
        Assert.Equal([bens.Id], (await Notices.UndeliveredAsync(Ct)).Select(d => d.Id));
        await Notices.MarkAsync(Ben.Key, bens.Id, new Dictionary<string, (NoticeStatus, string?)> { [bens.Notices[0].Key] = (NoticeStatus.Queued, null) }, Clock.GetUtcNow(), Ct);
        Assert.Empty(await Notices.UndeliveredAsync(Ct));
    }

    [Fact]
    public async Task FindDigestAsync_GivesTheDigestOfThatChatOnly()
    {
        var anas = Digest(Patron("ana"), Notice(NoticeKind.Overdue, "l1:2026-10-30:1"), Notice(NoticeKind.HoldReady, "h1"));
        await Notices.PlanAsync([anas], Ct);

        var found = await Notices.FindDigestAsync(Patron("ana").Key, anas.Id, Ct);

        Assert.NotNull(found);
        Assert.Equal((anas.Id, anas.ConversationKey, anas.RunId, anas.PlannedAt), (found.Id, found.ConversationKey, found.RunId, found.PlannedAt));
        Assert.Equal(anas.Notices.OrderBy(n => n.Key, StringComparer.Ordinal), found.Notices);
        Assert.Null(await Notices.FindDigestAsync(Ben.Key, anas.Id, Ct));
    }

    [Fact]
    public async Task ForgetAsync_RemovesTheDigestSoItsNoticesArePlannedAfresh()
    {
        var ana = Patron("ana");
        var notice = Notice(NoticeKind.HoldReady, "h1");
        var forgotten = Digest(ana, notice);
        await Notices.PlanAsync([forgotten], Ct);

        await Notices.ForgetAsync(ana.Key, forgotten.Id, Ct);

        Assert.Null(await Notices.FindDigestAsync(ana.Key, forgotten.Id, Ct));
        Assert.Empty(await Notices.UndeliveredAsync(Ct));
        Assert.False((await Notices.PlannedKeysAsync([ana.Key], Ct)).ContainsKey(ana.Key));
        Assert.Empty(await Notices.DigestsSinceAsync([ana.Key], StorageSubject.Start, Ct));
        Assert.Single(await Notices.PlanAsync([Digest(ana, notice)], Ct));
    }

    [Fact]
    public async Task ForgetAsync_LeavesOtherDigestsOfTheChatAlone()
    {
        var ana = Patron("ana");
        var kept = Digest(ana, Notice(NoticeKind.HoldReady, "h1"));
        var forgotten = Digest(ana, Notice(NoticeKind.HoldReady, "h2"));
        await Notices.PlanAsync([kept, forgotten], Ct);

        await Notices.ForgetAsync(ana.Key, forgotten.Id, Ct);
        await Notices.ForgetAsync(Ben.Key, kept.Id, Ct);

        Assert.Equal(["HoldReady:p-ana:h1"], (await Notices.PlannedKeysAsync([ana.Key], Ct))[ana.Key]);
        Assert.NotNull(await Notices.FindDigestAsync(ana.Key, kept.Id, Ct));
    }

    [Fact]
    public async Task ListAsync_FollowsTheDigestsReplyThroughTheFunnelAndNeverGoesBack()
    {
        var ana = Patron("ana");
        var ready = Notice(NoticeKind.HoldReady, "h1");
        var collected = Notice(NoticeKind.HoldReady, "h2");
        var digest = Digest(ana, ready, collected);
        await Notices.PlanAsync([digest], Ct);
        Assert.Equal([NoticeDelivery.Planned, NoticeDelivery.Planned], await DeliveriesAsync());

        // The delivery turn: one notice still true (queued in the reply), one no longer (skipped, with why).
        await Notices.MarkAsync(ana.Key, digest.Id, new Dictionary<string, (NoticeStatus, string?)>
        {
            [ready.Key] = (NoticeStatus.Queued, null),
            [collected.Key] = (NoticeStatus.Skipped, "no longer true when checked before sending"),
            ["HoldReady:p-ana:not-in-this-digest"] = (NoticeStatus.Queued, null),
        }, Clock.GetUtcNow(), Ct);
        await CommitAsync("ana", null, ["Hello Ana, your hold is ready"], inboundKey: digest.DedupeKey);
        Assert.Equal([NoticeDelivery.Queued, NoticeDelivery.Skipped], await DeliveriesAsync());

        var reply = Assert.Single(await ClaimDueAsync());
        await Outbox.MarkSentAsync(reply.Id, "wamid.notice.1", Clock.GetUtcNow(), Ct);
        Assert.Equal([NoticeDelivery.Sent, NoticeDelivery.Skipped], await DeliveriesAsync());

        await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.notice.1", DeliveryState.Read), Clock.GetUtcNow(), Ct);
        Assert.Equal([NoticeDelivery.Read, NoticeDelivery.Skipped], await DeliveriesAsync());

        // A 'delivered' receipt that arrives after 'read' changes nothing.
        await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.notice.1", DeliveryState.Delivered), Clock.GetUtcNow(), Ct);
        var listed = await Notices.ListAsync(new NoticeQuery(), Ct);
        Assert.Equal([NoticeDelivery.Read, NoticeDelivery.Skipped], listed.Select(r => r.Delivery));
        Assert.Equal(((string?)null, (string?)null), (listed[0].ErrorCode, listed[0].Reason));
        Assert.Equal(((string?)null, "no longer true when checked before sending"), (listed[1].ErrorCode, listed[1].Reason));
        Assert.All(listed, r => Assert.Equal((digest.Id, ChannelId.WhatsApp, StorageSubject.Start), (r.DigestId, r.Channel, r.PlannedAt)));
        Assert.Equal(ready, listed[0].Notice);
        Assert.Empty(await Notices.UndeliveredAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_WhenTheReplyFailed_GivesTheChannelsErrorCodeAndReason()
    {
        var ana = Patron("ana");
        var digest = Digest(ana, Notice(NoticeKind.DueSoon, "l2:2026-11-04"));
        await Notices.PlanAsync([digest], Ct);
        await Notices.MarkAsync(ana.Key, digest.Id, new Dictionary<string, (NoticeStatus, string?)> { [digest.Notices[0].Key] = (NoticeStatus.Queued, null) }, Clock.GetUtcNow(), Ct);
        await CommitAsync("ana", null, ["Due soon"], inboundKey: digest.DedupeKey);
        var reply = Assert.Single(await ClaimDueAsync());

        await Outbox.MarkStoppedAsync(reply.Id, OutboxStatus.Failed, "Re-engagement message", "131047", Clock.GetUtcNow(), Ct);

        var failed = Assert.Single(await Notices.ListAsync(new NoticeQuery(Delivery: NoticeDelivery.Failed), Ct));
        Assert.Equal(("131047", "Re-engagement message"), (failed.ErrorCode, failed.Reason));
    }

    [Fact]
    public async Task ListAsync_WhenManyRepliesFollowedTheNotice_StillFollowsItsReply()
    {
        var ana = Patron("ana");
        var digest = Digest(ana, Notice(NoticeKind.HoldReady, "h1"));
        await Notices.PlanAsync([digest], Ct);
        await Notices.MarkAsync(ana.Key, digest.Id, new Dictionary<string, (NoticeStatus, string?)> { [digest.Notices[0].Key] = (NoticeStatus.Queued, null) }, Clock.GetUtcNow(), Ct);
        await CommitAsync("ana", null, ["Your hold is ready"], inboundKey: digest.DedupeKey);
        await Outbox.MarkSentAsync(Assert.Single(await ClaimDueAsync()).Id, "wamid.notice.1", Clock.GetUtcNow(), Ct);

        // A long chat afterwards: the notice's reply is among the oldest the outbox keeps.
        for (var i = 0; i < 25; i++)
        {
            await CommitAsync("ana", (await Conversations.LoadAsync(ana.Key, Ct))!.ETag, [$"answer {i}"]);
            await Outbox.MarkSentAsync(Assert.Single(await ClaimDueAsync()).Id, $"wamid.answer.{i}", Clock.GetUtcNow(), Ct);
        }

        await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus("wamid.notice.1", DeliveryState.Delivered), Clock.GetUtcNow(), Ct);

        Assert.Equal(NoticeDelivery.Delivered, Assert.Single(await Notices.ListAsync(new NoticeQuery(), Ct)).Delivery);
    }

    [Fact]
    public async Task ListAsync_FiltersByPatronKindDeliveryAndTimeNewestFirstUpToTheLimit()
    {
        await SeedTwoDaysAsync();
        var secondDay = StorageSubject.Start.AddDays(1);

        Task<IReadOnlyList<NoticeRecord>> List(NoticeQuery query) => Notices.ListAsync(query, Ct);
        static string[] Keys(IReadOnlyList<NoticeRecord> records) => records.Select(r => r.Notice.Key).ToArray();

        Assert.Equal(["DueSoon:p-ben:l9:2026-11-05", "HoldReady:p-ana:h1", "Overdue:p-ana:l1:2026-10-30:1"], Keys(await List(new NoticeQuery())));
        Assert.Equal(["Overdue:p-ana:l1:2026-10-30:1"], Keys(await List(new NoticeQuery(Kind: NoticeKind.Overdue))));
        Assert.Equal(["HoldReady:p-ana:h1", "Overdue:p-ana:l1:2026-10-30:1"], Keys(await List(new NoticeQuery(Patron: "ana"))));
        Assert.Equal(["DueSoon:p-ben:l9:2026-11-05"], Keys(await List(new NoticeQuery(Patron: "p-ben"))));
        Assert.Empty(await List(new NoticeQuery(Patron: "an")));
        Assert.Equal(["DueSoon:p-ben:l9:2026-11-05"], Keys(await List(new NoticeQuery(Delivery: NoticeDelivery.Skipped))));
        Assert.Equal(["HoldReady:p-ana:h1", "Overdue:p-ana:l1:2026-10-30:1"], Keys(await List(new NoticeQuery(Delivery: NoticeDelivery.Planned))));
        Assert.Equal(["DueSoon:p-ben:l9:2026-11-05"], Keys(await List(new NoticeQuery(From: secondDay))));
        Assert.Equal(["HoldReady:p-ana:h1", "Overdue:p-ana:l1:2026-10-30:1"], Keys(await List(new NoticeQuery(To: secondDay))));
        Assert.Equal(["DueSoon:p-ben:l9:2026-11-05", "HoldReady:p-ana:h1"], Keys(await List(new NoticeQuery(Limit: 2))));
        Assert.Equal(ChannelId.WeChat, (await List(new NoticeQuery(Patron: "Ben")))[0].Channel);
    }

    [Fact]
    public async Task CountAsync_CountsEveryMatchingNoticePerDayKindChannelAndDelivery()
    {
        await SeedTwoDaysAsync();
        var firstDay = DateOnly.FromDateTime(StorageSubject.Start.UtcDateTime);

        var all = await Notices.CountAsync(new NoticeQuery(Limit: 1), Ct);
        var ana = await Notices.CountAsync(new NoticeQuery(Patron: "ANA"), Ct);

        Assert.Equal(
            [
                new NoticeCount(firstDay.AddDays(1), NoticeKind.DueSoon, ChannelId.WeChat, NoticeDelivery.Skipped, 1),
                new NoticeCount(firstDay, NoticeKind.HoldReady, ChannelId.WhatsApp, NoticeDelivery.Planned, 1),
                new NoticeCount(firstDay, NoticeKind.Overdue, ChannelId.WhatsApp, NoticeDelivery.Planned, 1),
            ],
            all);
        Assert.Equal([(NoticeKind.HoldReady, 1), (NoticeKind.Overdue, 1)], ana.Select(c => (c.Kind, c.Count)));
        Assert.Empty(await Notices.CountAsync(new NoticeQuery(Kind: NoticeKind.HoldExpiring), Ct));
    }

    [Fact]
    public async Task AddSubscriberAsync_IsIdempotentAndListsChatsOldestFirst()
    {
        await Notices.AddSubscriberAsync(Ben.Key, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Notices.AddSubscriberAsync(Patron("ana").Key, Clock.GetUtcNow(), Ct);
        await Notices.AddSubscriberAsync(Ben.Key, Clock.GetUtcNow(), Ct);

        Assert.Equal([Ben.Key, Patron("ana").Key], await Notices.SubscribersAsync(Ct));
    }

    [Fact]
    public async Task TryLeaseAsync_WhileAnotherOwnerHoldsIt_IsRefusedUntilItLapsesOrIsReleased()
    {
        var now = Clock.GetUtcNow();
        var tenMinutes = TimeSpan.FromMinutes(10);

        Assert.True(await Notices.TryLeaseAsync("server-a", now, now + tenMinutes, Ct));
        Assert.False(await Notices.TryLeaseAsync("server-b", now, now + tenMinutes, Ct));
        Assert.True(await Notices.TryLeaseAsync("server-a", now.AddMinutes(1), now + (2 * tenMinutes), Ct));

        // A release by someone else changes nothing; the lease extended by its owner holds past the first ten minutes.
        await Notices.ReleaseLeaseAsync("server-b", Ct);
        Assert.False(await Notices.TryLeaseAsync("server-b", now.AddMinutes(15), now.AddMinutes(25), Ct));

        // Lapsed (held until now or earlier): the other takes it, and the first is refused.
        Assert.True(await Notices.TryLeaseAsync("server-b", now + (2 * tenMinutes), now.AddMinutes(30), Ct));
        Assert.False(await Notices.TryLeaseAsync("server-a", now.AddMinutes(21), now.AddMinutes(31), Ct));

        await Notices.ReleaseLeaseAsync("server-b", Ct);
        Assert.True(await Notices.TryLeaseAsync("server-a", now.AddMinutes(21), now.AddMinutes(31), Ct));
    }

    [Fact]
    public async Task TryLeaseAsync_WhenInstancesRaceForIt_ExactlyOneWins()
    {
        var now = Clock.GetUtcNow();

        var won = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => Notices.TryLeaseAsync($"server-{i}", now, now.AddMinutes(10), Ct), Ct)));

        Assert.Single(won, w => w);
    }

    /// <summary>Ana (WhatsApp): two notices planned on the first day; Ben (WeChat): one the next day, skipped at delivery.</summary>
    private async Task SeedTwoDaysAsync()
    {
        await Notices.PlanAsync([Digest(Patron("ana"), Notice(NoticeKind.Overdue, "l1:2026-10-30:1"), Notice(NoticeKind.HoldReady, "h1"))], Ct);
        Clock.Advance(TimeSpan.FromDays(1));
        var bens = Digest(Ben, Notice(NoticeKind.DueSoon, "l9:2026-11-05", patronId: "p-ben", name: "Ben"));
        await Notices.PlanAsync([bens], Ct);
        await Notices.MarkAsync(Ben.Key, bens.Id, new Dictionary<string, (NoticeStatus, string?)> { [bens.Notices[0].Key] = (NoticeStatus.Skipped, "notices turned off before sending") },
            Clock.GetUtcNow(), Ct);
    }

    private async Task<string[]> DeliveriesAsync() =>
        (await Notices.ListAsync(new NoticeQuery(), Ct)).OrderBy(r => r.Notice.Key, StringComparer.Ordinal).Select(r => r.Delivery).ToArray();

    private NoticeDigest Digest(ConversationRef chat, params PlannedNotice[] notices) =>
        new(Guid.NewGuid().ToString("N"), chat.Key, "run-1", Clock.GetUtcNow(), notices);

    private static PlannedNotice Notice(NoticeKind kind, string what, string patronId = "p-ana", string name = "Ana") =>
        new($"{kind}:{patronId}:{what}", kind, patronId, name, $"Title {what}", what.Split(':')[0],
            kind is NoticeKind.HoldReady or NoticeKind.HoldExpiring ? "Central Library" : null, new DateOnly(2026, 11, 5));

    private static Activity NoticeEvent(NoticeDigest digest) => new()
    {
        Conversation = Patron("ana"),
        Type = ActivityType.Event,
        Event = new ChannelEvent(ChannelEventKind.Notice, digest.Id),
        DedupeKey = digest.DedupeKey,
        Timestamp = StorageSubject.Start,
    };
}
