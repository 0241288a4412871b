using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="IBroadcastStore"/> guarantees: a broadcast moves only from the statuses allowed (of racing
/// transitions one wins), due broadcasts are found, a chat is a recipient once per broadcast, pending recipients come in
/// the order added, marks, the frequency cap's count and opt-outs are kept per chat, the funnel follows the recipients'
/// replies in the outbox and the WeChat mass-send jobs, and the dispatch lease is exclusive until it lapses.
/// </summary>
public abstract class BroadcastStoreContract : StorageContract
{
    private IBroadcastStore Broadcasts => Subject.Broadcasts;

    [Fact]
    public async Task CreateAsync_ThenGetAsync_GivesTheBroadcastAsWritten()
    {
        var written = Draft("b-1") with
        {
            WhatsAppTemplate = new BroadcastTemplate("library_events", ["Story time", "Saturday"]),
            SendAt = Clock.GetUtcNow().AddDays(1),
            Content = new BroadcastContent(new Dictionary<string, string> { ["en"] = "Story time on Saturday", ["es"] = "Cuentacuentos el sábado" },
                "https://library.example/story.jpg", "https://library.example/events"),
        };

        await Broadcasts.CreateAsync(written, Ct);

        Assert.Equivalent(written, await Broadcasts.GetAsync("b-1", Ct), strict: true);
        Assert.Null(await Broadcasts.GetAsync("b-missing", Ct));
    }

    [Fact]
    public async Task ListAsync_GivesTheNewestFirstUpToTheLimit()
    {
        foreach (var id in new[] { "b-old", "b-mid", "b-new" })
        {
            await Broadcasts.CreateAsync(Draft(id), Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["b-new", "b-mid"], (await Broadcasts.ListAsync(2, Ct)).Select(b => b.Id));
        Assert.Equal(["b-new", "b-mid", "b-old"], (await Broadcasts.ListAsync(10, Ct)).Select(b => b.Id));
    }

    [Fact]
    public async Task TransitionAsync_FromAnAllowedStatus_MovesItAndStampsStartAndFinishOnce()
    {
        await Broadcasts.CreateAsync(Draft("b-1"), Ct);

        var scheduled = await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Draft], BroadcastStatus.Scheduled, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var started = Clock.GetUtcNow();
        var sending = await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Scheduled], BroadcastStatus.Sending, started, Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Sending], BroadcastStatus.Paused, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var resumed = await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Paused], BroadcastStatus.Sending, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var finished = await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Sending, BroadcastStatus.Paused], BroadcastStatus.Finished, Clock.GetUtcNow(), Ct);

        Assert.Equal((BroadcastStatus.Scheduled, (DateTimeOffset?)null, (DateTimeOffset?)null), (scheduled!.Status, scheduled.StartedAt, scheduled.FinishedAt));
        Assert.Equal((BroadcastStatus.Sending, started), (sending!.Status, sending.StartedAt));
        Assert.Equal((BroadcastStatus.Sending, started), (resumed!.Status, resumed.StartedAt));
        Assert.Equal((BroadcastStatus.Finished, started, Clock.GetUtcNow()), (finished!.Status, finished.StartedAt, finished.FinishedAt));
        Assert.Equivalent(finished, await Broadcasts.GetAsync("b-1", Ct), strict: true);
    }

    [Fact]
    public async Task TransitionAsync_FromAStatusNotAllowedOrOfAMissingBroadcast_ChangesNothing()
    {
        await Broadcasts.CreateAsync(Draft("b-1"), Ct);

        Assert.Null(await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Sending, BroadcastStatus.Paused], BroadcastStatus.Finished, Clock.GetUtcNow(), Ct));
        Assert.Null(await Broadcasts.TransitionAsync("b-missing", [BroadcastStatus.Draft], BroadcastStatus.Sending, Clock.GetUtcNow(), Ct));

        var stored = await Broadcasts.GetAsync("b-1", Ct);
        Assert.Equal((BroadcastStatus.Draft, (DateTimeOffset?)null), (stored!.Status, stored.FinishedAt));
        var cancelled = await Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Draft, BroadcastStatus.Scheduled], BroadcastStatus.Cancelled, Clock.GetUtcNow(), Ct);
        Assert.Equal((BroadcastStatus.Cancelled, (DateTimeOffset?)null, Clock.GetUtcNow()), (cancelled!.Status, cancelled.StartedAt, cancelled.FinishedAt));
    }

    [Fact]
    public async Task TransitionAsync_WhenSeveralRaceFromTheSameStatus_ExactlyOneWins()
    {
        await Broadcasts.CreateAsync(Draft("b-1"), Ct);
        BroadcastStatus[] targets = [BroadcastStatus.Sending, BroadcastStatus.Cancelled, BroadcastStatus.Sending, BroadcastStatus.Scheduled, BroadcastStatus.Sending, BroadcastStatus.Cancelled];

        var raced = await Task.WhenAll(targets.Select(to =>
            Task.Run(() => Broadcasts.TransitionAsync("b-1", [BroadcastStatus.Draft], to, Clock.GetUtcNow(), Ct), Ct)));

        var winner = Assert.Single(raced, r => r is not null);
        Assert.Equal(winner!.Status, (await Broadcasts.GetAsync("b-1", Ct))!.Status);
    }

    [Fact]
    public async Task DueAsync_GivesTheSendingAndTheScheduledWhoseTimeHasComeOldestFirst()
    {
        var now = Clock.GetUtcNow();
        await Broadcasts.CreateAsync(Draft("b-scheduled-now", BroadcastStatus.Scheduled, sendAt: now), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Broadcasts.CreateAsync(Draft("b-sending", BroadcastStatus.Sending), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Broadcasts.CreateAsync(Draft("b-scheduled-past", BroadcastStatus.Scheduled, sendAt: now.AddHours(-1)), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Broadcasts.CreateAsync(Draft("b-scheduled-later", BroadcastStatus.Scheduled, sendAt: now.AddMinutes(1)), Ct);
        await Broadcasts.CreateAsync(Draft("b-draft"), Ct);
        await Broadcasts.CreateAsync(Draft("b-paused", BroadcastStatus.Paused), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Broadcasts.CreateAsync(Draft("b-scheduled-unset", BroadcastStatus.Scheduled), Ct);
        await Broadcasts.CreateAsync(Draft("b-finished", BroadcastStatus.Finished), Ct);

        Assert.Equal(["b-scheduled-now", "b-sending", "b-scheduled-past", "b-scheduled-unset"], (await Broadcasts.DueAsync(now, Ct)).Select(b => b.Id));
        Assert.Equal(["b-scheduled-now", "b-sending", "b-scheduled-past", "b-scheduled-later", "b-scheduled-unset"],
            (await Broadcasts.DueAsync(now.AddMinutes(1), Ct)).Select(b => b.Id));
    }

    [Fact]
    public async Task AddRecipientsAsync_WhenAChatIsAddedTwice_KeepsTheFirstAndCountsOnlyTheNew()
    {
        var added = await Broadcasts.AddRecipientsAsync(
            [Recipient("b-1", "ana"), Recipient("b-1", "ben", RecipientStatus.Excluded, "no-consent"), Recipient("b-1", "ana", RecipientStatus.Excluded, "frequency-cap")], Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Broadcasts.AddRecipientsAsync([Recipient("b-1", "ben"), Recipient("b-1", "chi"), Recipient("b-2", "ana", RecipientStatus.Excluded, "no-consent")], Ct);

        Assert.Equal((2, 2), (added, again));
        Assert.Equal(Recipient("b-1", "ana") with { UpdatedAt = StorageSubject.Start }, await Broadcasts.FindRecipientAsync("b-1", Patron("ana").Key, Ct));
        Assert.Equal(Recipient("b-1", "ben", RecipientStatus.Excluded, "no-consent") with { UpdatedAt = StorageSubject.Start },
            await Broadcasts.FindRecipientAsync("b-1", Patron("ben").Key, Ct));
        Assert.Equal(RecipientStatus.Excluded, (await Broadcasts.FindRecipientAsync("b-2", Patron("ana").Key, Ct))!.Status);
        Assert.Null(await Broadcasts.FindRecipientAsync("b-2", Patron("chi").Key, Ct));
        Assert.Equal(3, (await Broadcasts.FunnelAsync("b-1", Ct)).Audience);
    }

    [Fact]
    public async Task AddRecipientsAsync_WhenTwoPlannersAddTheSameChatsAtOnce_KeepsEachOnce()
    {
        var chats = Enumerable.Range(1, 40).Select(i => $"p{i:00}").ToArray();

        var added = await Task.WhenAll(
            Task.Run(() => Broadcasts.AddRecipientsAsync(chats.Select(c => Recipient("b-1", c)).ToList(), Ct), Ct),
            Task.Run(() => Broadcasts.AddRecipientsAsync(chats.Reverse().Select(c => Recipient("b-1", c)).ToList(), Ct), Ct));

        Assert.Equal(40, added.Sum());
        Assert.Equal(40, (await Broadcasts.RecipientsAsync("b-1", null, 0, 100, Ct)).Select(r => r.Recipient.ConversationKey).Distinct().Count());
    }

    [Fact]
    public async Task PendingAsync_GivesThePendingInTheOrderAddedUpToTheLimit()
    {
        await Broadcasts.AddRecipientsAsync([Recipient("b-1", "zoe"), Recipient("b-1", "ana", RecipientStatus.Excluded, "no-consent"), Recipient("b-1", "max")], Ct);
        await Broadcasts.AddRecipientsAsync([Recipient("b-1", "bea"), Recipient("b-1", "abe"), Recipient("b-2", "aaron")], Ct);

        Assert.Equal(["zoe", "max", "bea"], Users(await Broadcasts.PendingAsync("b-1", 3, Ct)));

        await Broadcasts.MarkAsync("b-1", [Patron("zoe").Key, Patron("bea").Key], RecipientStatus.HandedOver, null, Clock.GetUtcNow(), Ct);
        Assert.Equal(["max", "abe"], Users(await Broadcasts.PendingAsync("b-1", 10, Ct)));
        Assert.Empty(await Broadcasts.PendingAsync("b-missing", 10, Ct));
    }

    [Fact]
    public async Task MarkAsync_SetsStatusReasonAndTimeOfTheChatsInTheBroadcastOnly()
    {
        var chats = Enumerable.Range(1, 120).Select(i => $"p{i:000}").ToArray();
        await Broadcasts.AddRecipientsAsync(chats.Select(c => Recipient("b-1", c)).ToList(), Ct);
        await Broadcasts.AddRecipientsAsync([Recipient("b-2", "p001")], Ct);
        Clock.Advance(TimeSpan.FromMinutes(3));

        await Broadcasts.MarkAsync("b-1", [.. chats.Take(100).Select(c => Patron(c).Key), Patron("stranger").Key], RecipientStatus.Skipped, "consent withdrawn",
            Clock.GetUtcNow(), Ct);

        var skipped = await Broadcasts.RecipientsAsync("b-1", RecipientStatus.Skipped, 0, 500, Ct);
        Assert.Equal(chats.Take(100), Users(skipped.Select(r => r.Recipient)));
        Assert.All(skipped, r => Assert.Equal(("consent withdrawn", Clock.GetUtcNow()), (r.Recipient.Reason, r.Recipient.UpdatedAt)));
        Assert.Equal(chats.Skip(100), Users(await Broadcasts.PendingAsync("b-1", 500, Ct)));
        Assert.Equal(RecipientStatus.Pending, (await Broadcasts.FindRecipientAsync("b-2", Patron("p001").Key, Ct))!.Status);
        Assert.Null(await Broadcasts.FindRecipientAsync("b-1", Patron("stranger").Key, Ct));
        var funnel = await Broadcasts.FunnelAsync("b-1", Ct);
        Assert.Equal((120, 100, 20), (funnel.Audience, funnel.Skipped, funnel.Pending));
    }

    [Fact]
    public async Task SentSinceAsync_CountsEachChatsQueuedAndMassSentBroadcastsFromTheInstant()
    {
        var many = Enumerable.Range(1, 250).Select(i => Patron($"p{i:000}").Key).ToList();
        foreach (var id in new[] { "b-1", "b-2", "b-3" })
        {
            await Broadcasts.AddRecipientsAsync([Recipient(id, "ana"), Recipient(id, "ben"), Recipient(id, "chi")], Ct);
        }

        await Broadcasts.MarkAsync("b-1", [Patron("ana").Key, Patron("ben").Key], RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(2));
        var later = Clock.GetUtcNow();
        await Broadcasts.MarkAsync("b-2", [Patron("ana").Key], RecipientStatus.MassSend, null, later, Ct);
        await Broadcasts.MarkAsync("b-2", [Patron("ben").Key, Patron("chi").Key], RecipientStatus.HandedOver, null, later, Ct);
        await Broadcasts.MarkAsync("b-3", [Patron("chi").Key], RecipientStatus.Skipped, "consent withdrawn", later, Ct);

        var sinceStart = await Broadcasts.SentSinceAsync([.. many, Patron("ana").Key, Patron("ben").Key, Patron("chi").Key], StorageSubject.Start, Ct);
        var sinceLater = await Broadcasts.SentSinceAsync([Patron("ana").Key, Patron("ben").Key], later, Ct);

        Assert.Equal(new Dictionary<string, int> { [Patron("ana").Key] = 2, [Patron("ben").Key] = 1 }, sinceStart);
        Assert.Equal(new Dictionary<string, int> { [Patron("ana").Key] = 1 }, sinceLater);
    }

    [Fact]
    public async Task MarkOptedOutAsync_CountsTheBroadcastsSentToTheChatInTheSevenDaysBefore()
    {
        foreach (var id in new[] { "b-old", "b-recent", "b-excluded", "b-other-chat" })
        {
            await Broadcasts.AddRecipientsAsync([Recipient(id, id == "b-other-chat" ? "ben" : "ana", id == "b-excluded" ? RecipientStatus.Excluded : RecipientStatus.Pending)], Ct);
        }

        await Broadcasts.MarkAsync("b-old", [Patron("ana").Key], RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(3));
        await Broadcasts.MarkAsync("b-recent", [Patron("ana").Key], RecipientStatus.MassSend, null, Clock.GetUtcNow(), Ct);
        await Broadcasts.MarkAsync("b-other-chat", [Patron("ben").Key], RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(5));

        await Broadcasts.MarkOptedOutAsync(Patron("ana").Key, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(1));
        await Broadcasts.MarkOptedOutAsync(Patron("ana").Key, Clock.GetUtcNow(), Ct);

        Assert.Equal(
            new[] { ("b-old", 0), ("b-recent", 1), ("b-excluded", 0), ("b-other-chat", 0) },
            await Task.WhenAll(new[] { "b-old", "b-recent", "b-excluded", "b-other-chat" }.Select(async id => (id, (await Broadcasts.FunnelAsync(id, Ct)).OptedOut))));
    }

    [Fact]
    public async Task FunnelAsync_CountsRecipientsTheirOutboxReceiptsAndTheMassSendJobs()
    {
        var excluded = new[] { ("ex1", "no-consent"), ("ex2", "no-consent"), ("ex3", "frequency-cap") };
        string[] queued = ["read", "delivered", "sent", "failed", "stopped", "waiting", "noreply"];
        await Broadcasts.AddRecipientsAsync(
            [
                .. excluded.Select(e => Recipient("b-1", e.Item1, RecipientStatus.Excluded, e.Item2)),
                .. new[] { "pending", "handed", "skipped", "ms1", "ms2" }.Concat(queued).Select(u => Recipient("b-1", u)),
            ], Ct);
        await Broadcasts.AddRecipientsAsync([Recipient("b-2", "read")], Ct);
        await Broadcasts.MarkAsync("b-1", [Patron("handed").Key], RecipientStatus.HandedOver, null, Clock.GetUtcNow(), Ct);
        await Broadcasts.MarkAsync("b-1", [Patron("skipped").Key], RecipientStatus.Skipped, "consent withdrawn", Clock.GetUtcNow(), Ct);
        await Broadcasts.MarkAsync("b-1", [Patron("ms1").Key, Patron("ms2").Key], RecipientStatus.MassSend, null, Clock.GetUtcNow(), Ct);
        await Broadcasts.MarkAsync("b-1", queued.Select(u => Patron(u).Key).ToList(), RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);
        await Broadcasts.MarkAsync("b-2", [Patron("read").Key], RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);

        await SendAsync("b-1", "read", DeliveryState.Read);
        await SendAsync("b-1", "delivered", DeliveryState.Delivered);
        await SendAsync("b-1", "sent", null);
        await SendAsync("b-1", "failed", DeliveryState.Failed);
        var stopped = await ReplyAsync("b-1", "stopped");
        await Outbox.MarkStoppedAsync(stopped.Id, OutboxStatus.Failed, "Recipient unreachable", null, Clock.GetUtcNow(), Ct);
        await ReplyAsync("b-1", "waiting");

        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-1", null, 2, Clock.GetUtcNow()), Ct);
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-2", null, 1, Clock.GetUtcNow()), Ct);
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-3", null, 5, Clock.GetUtcNow()), Ct);
        await Broadcasts.SetMassSendMsgIdAsync("b-1", "cm-1", "1000001", Ct);
        await Broadcasts.SetMassSendMsgIdAsync("b-1", "cm-2", "1000002", Ct);
        await Broadcasts.SetMassSendMsgIdAsync("b-1", "cm-3", "1000003", Ct);
        await Broadcasts.FinishMassSendAsync("1000001", "send success", 2, 0, 0, Ct);
        await Broadcasts.FinishMassSendAsync("1000002", "send fail", 0, 1, 0, Ct);
        await Broadcasts.MarkOptedOutAsync(Patron("read").Key, Clock.GetUtcNow(), Ct);

        var funnel = await Broadcasts.FunnelAsync("b-1", Ct);

        Assert.Equal(
            (Audience: 15, Pending: 2, Sent: 5, Delivered: 4, Read: 1, Failed: 3, Excluded: 3, Skipped: 1, OptedOut: 1),
            (funnel.Audience, funnel.Pending, funnel.Sent, funnel.Delivered, funnel.Read, funnel.Failed, funnel.Excluded, funnel.Skipped, funnel.OptedOut));
        Assert.Equal(new Dictionary<string, int> { ["no-consent"] = 2, ["frequency-cap"] = 1 }, funnel.ExcludedByReason);
        Assert.Equal(new Dictionary<string, int> { ["131049"] = 1, [BroadcastFunnelTally.UnknownCode] = 1, ["wechat:send fail"] = 1 }, funnel.FailedByCode);

        // The same chat in another broadcast: that turn sent nothing, so none of the replies above count there.
        var other = await Broadcasts.FunnelAsync("b-2", Ct);
        Assert.Equal((1, 0, 0, 0, 1), (other.Audience, other.Sent, other.Delivered, other.Failed, other.OptedOut));
    }

    [Fact]
    public async Task RecipientsAsync_PagesInTheOrderAddedWithEachDeliveryAndFiltersByStatus()
    {
        await Broadcasts.AddRecipientsAsync(
            [Recipient("b-1", "ana"), Recipient("b-1", "ben"), Recipient("b-1", "chi", RecipientStatus.Excluded, "no-consent"), Recipient("b-1", "dan")], Ct);
        await Broadcasts.MarkAsync("b-1", [Patron("ana").Key, Patron("ben").Key, Patron("dan").Key], RecipientStatus.Queued, null, Clock.GetUtcNow(), Ct);
        await SendAsync("b-1", "ana", DeliveryState.Delivered);
        await SendAsync("b-1", "ben", DeliveryState.Failed);

        var all = await Broadcasts.RecipientsAsync("b-1", null, 0, 10, Ct);
        var secondPage = await Broadcasts.RecipientsAsync("b-1", null, 2, 2, Ct);
        var queued = await Broadcasts.RecipientsAsync("b-1", RecipientStatus.Queued, 1, 5, Ct);

        Assert.Equal(["ana", "ben", "chi", "dan"], Users(all.Select(r => r.Recipient)));
        Assert.Equal(
            new (OutboxStatus?, DeliveryState?, string?, string?)[]
            {
                (OutboxStatus.Sent, DeliveryState.Delivered, null, null),
                (OutboxStatus.Sent, DeliveryState.Failed, "131049", "Message failed to send because more than one marketing template was sent"),
                (null, null, null, null),
                (null, null, null, null),
            },
            all.Select(r => (r.Delivery, r.Receipt, r.ErrorCode, r.Error)));
        Assert.Equal("no-consent", all[2].Recipient.Reason);
        Assert.Equal(["chi", "dan"], Users(secondPage.Select(r => r.Recipient)));
        Assert.Equal(["ben", "dan"], Users(queued.Select(r => r.Recipient)));
        Assert.Empty(await Broadcasts.RecipientsAsync("b-1", RecipientStatus.MassSend, 0, 10, Ct));
    }

    [Fact]
    public async Task MassSends_AreIdempotentOnTheClientMsgIdAndFinishedByWeChatsMsgId()
    {
        var created = Clock.GetUtcNow();
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-1", null, 120, created), Ct);
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-1", null, 999, created.AddMinutes(1)), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-1", "cm-2", null, 30, Clock.GetUtcNow()), Ct);
        await Broadcasts.AddMassSendAsync(new MassSendJob("b-2", "cm-1", null, 7, Clock.GetUtcNow()), Ct);

        await Broadcasts.SetMassSendMsgIdAsync("b-1", "cm-1", "3147483649", Ct);
        var finished = await Broadcasts.FinishMassSendAsync("3147483649", "send success", 118, 2, 1, Ct);
        var notOurs = await Broadcasts.FinishMassSendAsync("9999999", "send success", 1, 0, 0, Ct);

        Assert.Equal(("b-1", null), (finished, notOurs));
        Assert.Equal(
            [
                new MassSendJob("b-1", "cm-1", "3147483649", 120, created, "send success", 118, 2, 1),
                new MassSendJob("b-1", "cm-2", null, 30, Clock.GetUtcNow()),
            ],
            await Broadcasts.MassSendsAsync("b-1", Ct));
        Assert.Equal(new[] { 7 }, (await Broadcasts.MassSendsAsync("b-2", Ct)).Select(j => j.Recipients));
    }

    [Fact]
    public async Task AddSubscriberAsync_IsIdempotentListsOldestFirstAndIsForgottenOnRemoval()
    {
        await Broadcasts.AddSubscriberAsync(Patron("ben").Key, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Broadcasts.AddSubscriberAsync(Patron("ana").Key, Clock.GetUtcNow(), Ct);
        await Broadcasts.AddSubscriberAsync(Patron("ben").Key, Clock.GetUtcNow(), Ct);
        await Broadcasts.AddSubscriberAsync(Patron("chi").Key, Clock.GetUtcNow(), Ct);
        Assert.Equal([Patron("ben").Key, Patron("ana").Key, Patron("chi").Key], await Broadcasts.SubscribersAsync(Ct));

        await Broadcasts.RemoveSubscriberAsync(Patron("ana").Key, Ct);
        await Broadcasts.RemoveSubscriberAsync(Patron("never").Key, Ct);

        Assert.Equal([Patron("ben").Key, Patron("chi").Key], await Broadcasts.SubscribersAsync(Ct));
    }

    [Fact]
    public async Task TryLeaseAsync_WhileAnotherOwnerHoldsIt_IsRefusedUntilItLapsesOrIsReleased()
    {
        var now = Clock.GetUtcNow();
        var tenMinutes = TimeSpan.FromMinutes(10);

        Assert.True(await Broadcasts.TryLeaseAsync("server-a", now, now + tenMinutes, Ct));
        Assert.False(await Broadcasts.TryLeaseAsync("server-b", now, now + tenMinutes, Ct));
        Assert.True(await Broadcasts.TryLeaseAsync("server-a", now.AddMinutes(1), now + (2 * tenMinutes), Ct));

        await Broadcasts.ReleaseLeaseAsync("server-b", Ct);
        Assert.False(await Broadcasts.TryLeaseAsync("server-b", now.AddMinutes(15), now.AddMinutes(25), Ct));

        // Lapsed (held until now or earlier): the other takes it, and the first is refused.
        Assert.True(await Broadcasts.TryLeaseAsync("server-b", now + (2 * tenMinutes), now.AddMinutes(30), Ct));
        Assert.False(await Broadcasts.TryLeaseAsync("server-a", now.AddMinutes(21), now.AddMinutes(31), Ct));

        await Broadcasts.ReleaseLeaseAsync("server-b", Ct);
        Assert.True(await Broadcasts.TryLeaseAsync("server-a", now.AddMinutes(21), now.AddMinutes(31), Ct));
    }

    [Fact]
    public async Task TryLeaseAsync_IsSeparateFromTheNoticeRunsLeaseAndOneOfRacingInstancesWins()
    {
        var now = Clock.GetUtcNow();
        Assert.True(await Subject.Notices.TryLeaseAsync("notices-host", now, now.AddMinutes(10), Ct));

        var won = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => Broadcasts.TryLeaseAsync($"server-{i}", now, now.AddMinutes(10), Ct), Ct)));

        Assert.Single(won, w => w);
    }

    private Broadcast Draft(string id, BroadcastStatus status = BroadcastStatus.Draft, DateTimeOffset? sendAt = null) => new(
        id,
        $"Name of {id}",
        new BroadcastAudience(["events"], ["central"], ["en", "es"], ["whatsapp"]),
        new BroadcastContent(new Dictionary<string, string> { ["en"] = "Story time" }),
        null,
        sendAt,
        20,
        status,
        "outreach-1",
        Clock.GetUtcNow());

    private BroadcastRecipient Recipient(string broadcastId, string user, RecipientStatus status = RecipientStatus.Pending, string? reason = null) =>
        new(broadcastId, Patron(user).Key, "whatsapp", "en", status, reason, Clock.GetUtcNow());

    private static string[] Users(IEnumerable<BroadcastRecipient> recipients) =>
        recipients.Select(r => r.ConversationKey[(r.ConversationKey.LastIndexOf(':') + 1)..]).ToArray();

    /// <summary>The recipient's turn: a reply in the chat's outbox whose inbound key is the broadcast's, claimed by the dispatcher.</summary>
    private async Task<OutboxItem> ReplyAsync(string broadcastId, string user)
    {
        var etag = (await Conversations.LoadAsync(Patron(user).Key, Ct))?.ETag;
        await CommitAsync(user, etag, [$"News for {user}"], inboundKey: BroadcastKeys.DedupeKey(broadcastId, Patron(user).Key));
        return Assert.Single(await ClaimDueAsync());
    }

    /// <summary>The recipient's reply sent, then the channel's receipt (a failed one with error 131049).</summary>
    private async Task SendAsync(string broadcastId, string user, DeliveryState? receipt)
    {
        var reply = await ReplyAsync(broadcastId, user);
        await Outbox.MarkSentAsync(reply.Id, $"wamid.{broadcastId}.{user}", Clock.GetUtcNow(), Ct);
        if (receipt is { } state)
        {
            await Outbox.ApplyDeliveryStatusAsync(new DeliveryStatus($"wamid.{broadcastId}.{user}", state,
                state == DeliveryState.Failed ? "131049" : null,
                state == DeliveryState.Failed ? "Message failed to send because more than one marketing template was sent" : null), Clock.GetUtcNow(), Ct);
        }
    }
}
