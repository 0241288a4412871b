using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Conversations.News;

/// <summary>
/// News sign-up against the real server: the poster links outreach staff print (<c>GET /api/staff/broadcasts/signup-links</c>,
/// outreach and admins only), and a new WeChat follower who scanned a branch's news poster being asked to confirm.
/// </summary>
public sealed class NewsSignupServerTests(StaffServer server) : IClassFixture<StaffServer>
{
    private const string Links = "/api/staff/broadcasts/signup-links";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignupLinks_ForOutreach_GivesPerTopicAWhatsAppLinkPerLanguageAndAWeChatScenePerBranch()
    {
        using var outreach = await server.StaffAsync("poster-maker", "outreach");
        var answer = await outreach.GetAsync(Links, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var topics = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(["events", "new-books", "reading-clubs", "children"], topics.Select(t => (string)t!["topic"]!));
        var events = topics[0]!;
        Assert.Equal(("Events", "活动"), ((string?)events["names"]!["en"], (string?)events["names"]!["zh"]));
        var whatsApp = events["whatsApp"]!.AsArray().ToDictionary(l => (string)l!["language"]!, l => (string)l!["url"]!);
        Assert.Equal("https://wa.me/15550100001?text=news%20events", whatsApp["en"]);
        Assert.Equal("https://wa.me/15550100001?text=noticias%20actividades", whatsApp["es"]);
        Assert.Equal("https://wa.me/15550100001?text=%E8%AE%A2%E9%98%85%E6%B4%BB%E5%8A%A8", whatsApp["zh-Hans"]);
        Assert.Equal("https://wa.me/15550100001?text=tin%20t%E1%BB%A9c%20s%E1%BB%B1%20ki%E1%BB%87n", whatsApp["vi"]);
        var scenes = events["weChatScenes"]!.AsArray().Select(s => ((string?)s!["branchId"], (string)s["scene"]!)).ToList();
        Assert.Equal([(null, "news:events"), ("central", "news:events:central"), ("riverside", "news:events:riverside"), ("jade-street", "news:events:jade-street")], scenes);

        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Links, Ct)).StatusCode);
        var document = JsonNode.Parse(await server.Bot.Http.GetStringAsync("/openapi/v1.json", Ct))!;
        Assert.NotNull(document["paths"]![Links]?["get"]?["summary"]);
    }

    [Fact]
    public async Task SignupLinks_ForALibrarian_IsForbidden_AndWithoutSignIn_Unauthorized()
    {
        using var librarian = await server.StaffAsync("poster-librarian", "librarian");
        Assert.Equal(HttpStatusCode.Forbidden, (await librarian.GetAsync(Links, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Bot.Http.GetAsync(Links, Ct)).StatusCode);
    }

    [Fact]
    public async Task WeChatFollow_ThroughABranchNewsPoster_RemembersTheBranchAndAsksToConfirm_AndYesSignsUp()
    {
        var bot = server.Bot;
        var openId = "oNewsPoster" + Guid.NewGuid().ToString("N")[..12];
        var follow = await bot.Http.PostAsJsonAsync("/sandbox/wechat/simulate",
            new { openId, @event = "subscribe", eventKey = "qrscene_news:events:central", mode = "plain" }, Ct);
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);

        var chat = $"conversation_key LIKE '%:{openId}'";
        await bot.WaitUntilAsync(() => Task.FromResult(
            bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE {chat} AND message LIKE '%Alder Bay Public Library%' AND message LIKE '%\"yes\"%'") == 1), "the topic's confirmation question");
        Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM conversations WHERE {chat} AND instr(state_json, '\"branch.preferred\":\"central\"') > 0"));
        Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE {chat} AND (message LIKE '%微信%' OR message LIKE '%WeChat%') AND message LIKE '%\"yes\"%'"));
        Assert.Equal(0, bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE channel = 'WeChat' AND purpose = 'news:events'"));

        var yes = await bot.Http.PostAsJsonAsync("/sandbox/wechat/simulate", new { openId, text = "1", mode = "plain" }, Ct);
        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        await bot.WaitUntilAsync(() => Task.FromResult(
            bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE channel = 'WeChat' AND purpose = 'news:events' AND action = 'Grant' AND wording_version = 'News.ConfirmTopic@1' AND wording LIKE '%Alder Bay Public Library%'") == 1), "the grant in the consent ledger");
    }
}
