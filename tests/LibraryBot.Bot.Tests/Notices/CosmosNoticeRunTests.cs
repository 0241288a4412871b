using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Tests.Storage;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>Notices with the whole bot on Cosmos DB (the local test server, or the endpoint the environment names).</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosNoticeRunTests(CosmosEndpointFixture endpoint)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_OnCosmosDb_SendsOneDigestThatTheFunnelFollowsAndTheNextRunNothingNew()
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var database = await CosmosTestDatabase.CreateAsync(endpoint, "noticerun");
        var settings = database.ConfigurationSettings();
        settings["Notices:QuietHours"] = "";
        await using var bot = TestBot.Create(settings: settings);
        Assert.IsType<CosmosNoticeStore>(bot.Services.GetRequiredService<INoticeStore>());
        await NoticeRunTests.LinkAnaAsync(bot, accept: true);
        var run = bot.Services.GetRequiredService<NoticeRun>();

        var report = await run.RunAsync("test", Ct);
        var digest = Assert.IsType<TemplateNotification>(Assert.Single(await bot.RunPendingTurnsAsync()));
        var again = await run.RunAsync("test", Ct);

        Assert.Equal((NoticeRunReport.Done, 1, 2, 1), (report.Outcome, report.Chats, report.Notices, report.Digests));
        Assert.Contains("*Pepita Jiménez* is ready for you to collect at Central Library", digest.Text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (again.Notices, again.Digests, again.Resumed));
        Assert.Empty(await bot.RunPendingTurnsAsync());
        var store = bot.Services.GetRequiredService<INoticeStore>();
        Assert.All(await store.ListAsync(new NoticeQuery(), Ct), n => Assert.Equal(NoticeDelivery.Queued, n.Delivery));
        Assert.Equal(2, (await store.CountAsync(new NoticeQuery(), Ct)).Sum(c => c.Count));
    }
}
