using System.Net;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>
/// kill -9 while a reply is being sent to Meta: the restarted server (same data directory, so the same instance
/// identity) sends it at once rather than after the outbox lease, and never sends again what Meta had accepted.
/// The lease is set to an hour, so a reply that waited for it would fail the test.
/// </summary>
public sealed class OutboxCrashRecoveryTests : IAsyncLifetime
{
    private FakeGraphApi _graph = null!;

    public async ValueTask InitializeAsync() => _graph = await FakeGraphApi.StartAsync();

    public async ValueTask DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task KilledWhileSending_AfterRestart_TheReplyInFlightLeavesWithoutWaitingForTheLease_AndAcceptedOnesAreNotSentAgain()
    {
        var settings = _graph.ServerSettings();
        settings["Outbox__LeaseSeconds"] = "3600";
        await using var bot = await BotProcess.StartAsync(settings);
        const string phone = "34600000777";

        await SayAsync(bot, phone, "help");
        await bot.WaitUntilAsync(() => Task.FromResult(Pending(bot) == 0 && Rows(bot) > 0), "the first replies to be sent");
        var acceptedBefore = _graph.Accepted.Count;
        Assert.Equal(Rows(bot), acceptedBefore);

        _graph.Holding = true;
        await SayAsync(bot, phone, "hours");
        await bot.WaitUntilAsync(() => Task.FromResult(_graph.Held > 0), "a reply to reach Meta and wait for its answer");
        await bot.KillAsync();
        Assert.Equal(1, bot.Scalar("SELECT COUNT(*) FROM outbox WHERE status = 0 AND lease_until IS NOT NULL"));

        _graph.Holding = false;
        await bot.StartAsync();
        await bot.WaitUntilAsync(() => Task.FromResult(Pending(bot) == 0), "the reply that was in flight, and those behind it, to be sent", seconds: 30);

        // Every reply was accepted exactly once: one wamid per outbox row, each issued once by Meta, nothing else accepted.
        var accepted = _graph.Accepted.Select(a => a.Wamid).ToList();
        Assert.Equal(Rows(bot), accepted.Count);
        Assert.True(accepted.Count > acceptedBefore);
        Assert.Equal(accepted.Count, bot.Scalar("SELECT COUNT(DISTINCT channel_message_id) FROM outbox WHERE status = 1"));
        Assert.Contains("Took back 1 replies", bot.Output, StringComparison.Ordinal);
    }

    private static async Task SayAsync(BotProcess bot, string phone, string text)
    {
        using var response = await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody(phone, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static long Rows(BotProcess bot) => bot.Scalar("SELECT COUNT(*) FROM outbox");

    private static long Pending(BotProcess bot) => bot.Scalar("SELECT COUNT(*) FROM outbox WHERE status = 0");
}
