using System.Net;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>A message acknowledged with 200 survives the process being killed, and its turn runs exactly once.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Inbox_WhenHostIsKilledAfterTheAcknowledgement_ProcessesTheMessageExactlyOnceAfterRestart()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Inbox__ProcessingEnabled"] = "false" });
        var wamid = "wamid.crash-" + Guid.NewGuid().ToString("N");
        var response = await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody("34600000100", "help", wamid));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}' AND status = 0"));

        await bot.KillAsync();
        await bot.StartAsync(new Dictionary<string, string> { ["Inbox__ProcessingEnabled"] = "true" });

        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}' AND status = 1") == 2),
            "the greeting and the help text to be sent after restart");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(2, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}'"));
        Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}' AND status = 1 AND payload IS NULL"));
    }

    [Fact]
    public async Task Inbox_WhenHostIsKilledRightAfterAcknowledgingWhileProcessing_RunsTheTurnOnce()
    {
        await using var bot = await BotProcess.StartAsync();
        var wamids = Enumerable.Range(0, 20).Select(i => $"wamid.race-{i}-{Guid.NewGuid():N}").ToArray();
        var posts = wamids.Select((w, i) => WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody($"3460000{i:D4}", "help", w))).ToArray();
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await bot.KillAsync();

        await bot.StartAsync();
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0), "every stored message to be processed (after the dead process's claims lapse)", seconds: 45);
        foreach (var wamid in wamids)
        {
            Assert.Equal(2, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}'"));
        }
    }
}
