using System.Text.Json.Nodes;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Tests.Conversations;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// Broadcasts to WeChat followers through the real server and the sandbox's WeChat API: a follower who wrote within 48
/// hours gets a customer-service message; those outside the window get one mass send by OpenID list (clientmsgid, the
/// fake's MASSSENDJOBFINISH counted in the funnel); the subscription account's one mass send a day is then used up, so
/// the next broadcast leaves them out with that reason.
/// </summary>
public sealed class BroadcastWeChatTests : OutreachServerTest
{
    [Fact]
    public async Task FollowersOutsideTheWindow_GetOneMassSend_AndTheNextBroadcastTheSameDayExcludesThem()
    {
        var bot = Server.Bot;
        var kim = new WeChatPatron(bot, "oKim" + Guid.NewGuid().ToString("N")[..20]);
        var wei = new WeChatPatron(bot, "oWei" + Guid.NewGuid().ToString("N")[..20]);
        var lan = new WeChatPatron(bot, "oLan" + Guid.NewGuid().ToString("N")[..20]);
        foreach (var follower in new[] { kim, wei, lan })
        {
            (await follower.SayAsync("订阅")).Contains("1. 活动");
            (await follower.SayAsync("1")).Contains("订阅成功");
        }

        // Two days pass for Wei and Lan (written while the server runs: their chats are idle; the sandbox keeps its followers).
        Server.MoveLastInbound(BroadcastServer.WeChatKey(wei), TimeSpan.FromHours(49));
        Server.MoveLastInbound(BroadcastServer.WeChatKey(lan), TimeSpan.FromHours(49));
        var outreach = Outreach;

        var (first, created) = await BroadcastServer.CreateAsync(outreach, new { name = "Lantern festival", audience = new { topics = new[] { "events" } }, content = new { zh = "元宵节灯谜会，周六下午三点。" } });
        Assert.Equal(3, (int)created["audienceCount"]!);
        await BroadcastServer.PostAsync(outreach, first, "send");
        (await Server.ReceiveAsync(kim, first, BroadcastServer.WeChatKey(kim))).Contains("元宵节灯谜会").Contains("回复“退订”");
        var view = await Server.WaitForStatusAsync(outreach, first, "finished");
        await bot.WaitUntilAsync(async () =>
        {
            view = JsonNode.Parse(await outreach.GetStringAsync($"/api/staff/broadcasts/{first}", TestContext.Current.CancellationToken))!;
            return (int)view["funnel"]!["delivered"]! == 2;
        }, "the mass send's MASSSENDJOBFINISH counted");

        foreach (var follower in new[] { wei, lan })
        {
            var text = (string)Assert.Single(await MassSentAsync(follower))["body"]!["text"]!["content"]!;
            Assert.Contains("元宵节灯谜会", text, StringComparison.Ordinal);
            Assert.Contains("回复“退订”", text, StringComparison.Ordinal);
        }

        Assert.Empty(await MassSentAsync(kim));
        Assert.Equal((3, 3), ((int)view["funnel"]!["audience"]!, (int)view["funnel"]!["sent"]!));

        var (second, _) = await BroadcastServer.CreateAsync(outreach, new { name = "Book fair", audience = new { topics = new[] { "events" } }, content = new { zh = "书展本周日开幕。" } });
        await BroadcastServer.PostAsync(outreach, second, "send");
        (await Server.ReceiveAsync(kim, second, BroadcastServer.WeChatKey(kim))).Contains("书展本周日开幕");
        var after = await Server.WaitForStatusAsync(outreach, second, "finished");
        Assert.Equal(2, (int)after["funnel"]!["excludedByReason"]![ExclusionReasons.WeChatQuota]!);
        Assert.Single(await MassSentAsync(wei));
        Assert.Single(await MassSentAsync(lan));
    }

    /// <summary>What the sandbox's WeChat API delivered to the follower by mass send.</summary>
    private async Task<List<JsonNode>> MassSentAsync(WeChatPatron follower) =>
        JsonNode.Parse(await Server.Bot.Http.GetStringAsync($"/sandbox/wechat/messages?to={Uri.EscapeDataString(follower.Id)}&after=0", TestContext.Current.CancellationToken))!
            .AsArray().Where(m => (string?)m!["api"] == "mass/send").Select(m => m!).ToList();
}
