using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// kill -9 in the middle of a broadcast: after the restart every patron gets it exactly once. The fake Graph API lives in
/// the server's process, so what it received before the kill is gone; the outbox (on disk) says what was sent before.
/// </summary>
public sealed class BroadcastCrashTests : OutreachServerTest
{
    private const int Patrons = 20;
    private const string Text = "The book sale starts Monday at 9:00.";

    [Fact]
    public async Task KilledMidDispatch_AfterRestart_EveryPatronGetsTheBroadcastExactlyOnce()
    {
        var bot = Server.Bot;
        var patrons = new List<WhatsAppPatron>();
        for (var i = 0; i < Patrons; i++)
        {
            var patron = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
            await BroadcastServer.SignUpAsync(patron, "news", "events");
            patrons.Add(patron);
        }

        var (id, created) = await BroadcastServer.CreateAsync(Outreach, new
        {
            name = "Book sale",
            audience = new { topics = new[] { "events" } },
            content = new { en = Text },
            ratePerSecond = 4,
        });
        Assert.Equal(Patrons, (int)created["audienceCount"]!);
        await BroadcastServer.PostAsync(Outreach, id, "send");

        // At 4 a second the 20 take 5 s: kill -9 about 2 s in, with some sent and most still to go.
        await bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id) >= 6), "a few of the broadcast's messages in the outbox");
        await bot.KillAsync();

        // The file as the crash left it: whose message was in the outbox, and whose had been sent.
        var atKill = patrons.ToDictionary(p => p.Id, p => (Rows: Server.OutboxRows(id, p), Sent: Server.OutboxRows(id, p, status: 1)));
        Assert.InRange(atKill.Values.Count(r => r.Rows > 0), 1, Patrons - 1);

        await bot.StartAsync();
        await SignInAgainAsync();
        // The dead holder's lease lapses within 10 s; then the rest goes at 4 a second.
        var view = await Server.WaitForStatusAsync(Outreach, id, "finished", seconds: 60);
        Assert.Equal(0, (int)view["funnel"]!["skipped"]!);

        foreach (var patron in patrons)
        {
            await bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id, patron, status: 1) == 1), "the patron's broadcast sent");
            Assert.Equal(1, Server.OutboxRows(id, patron));
            var received = await Server.AtTheFakeAsync(patron, Text);
            var (rows, sent) = atKill[patron.Id];
            if (sent == 1)
            {
                // Sent before the kill (to the fake that died with it): not sent again.
                Assert.Equal(0, received);
            }
            else if (rows == 0)
            {
                // Not yet in the outbox at the kill: sent once after the restart.
                Assert.Equal(1, received);
            }
            else
            {
                // In the outbox, not yet marked sent: the outbox may have reached the old fake just before the kill.
                Assert.InRange(received, 0, 1);
            }
        }

        await bot.WaitUntilAsync(async () =>
        {
            view = await Server.WaitForStatusAsync(Outreach, id, "finished");
            return (int)view["funnel"]!["sent"]! == Patrons;
        }, "the funnel counting every patron sent");
        var funnel = view["funnel"]!;
        Assert.Equal((Patrons, 0, 0, 0), ((int)funnel["audience"]!, (int)funnel["pending"]!, (int)funnel["failed"]!, (int)funnel["excluded"]!));
    }
}
