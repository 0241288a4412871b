using System.Net;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WeChat;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatSenderTests
{
    private static readonly ConversationRef Patron = new(ChannelId.WeChat, "gh_1", "oPatron");

    private static OutboundEnvelope Envelope(OutboundMessage message) => new(7, Patron, message, "zh-Hans", null, 1);

    private static string LastBody(FakeTencentApi api, string path) => api.Calls.Last(c => c.Path == path).Body;

    [Theory]
    [InlineData(45015, SendOutcomeKind.Held, RecipientEffect.None)]
    [InlineData(45047, SendOutcomeKind.Held, RecipientEffect.None)]
    [InlineData(43004, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(40003, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(-1, SendOutcomeKind.RetryLater, RecipientEffect.None)]
    [InlineData(48001, SendOutcomeKind.Failed, RecipientEffect.ChannelAlert)]
    [InlineData(40033, SendOutcomeKind.Failed, RecipientEffect.None)]
    public async Task SendAsync_WhenWeChatAnswersErrcode_MapsToOutcome(int errcode, SendOutcomeKind kind, RecipientEffect effect)
    {
        using var api = new FakeTencentApi { Respond = (_, _) => (HttpStatusCode.OK, $$"""{"errcode":{{errcode}},"errmsg":"x"}""") };
        var (sender, _) = api.CreateSender();

        var outcome = await sender.SendAsync(Envelope(new TextMessage("hi")), TestContext.Current.CancellationToken);

        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(effect, outcome.Effect);
        Assert.Equal(errcode.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErrorCode);
        Assert.False(string.IsNullOrEmpty(outcome.Reason));
    }

    [Fact]
    public async Task SendAsync_WhenServerError_AsksToRetryLater()
    {
        using var api = new FakeTencentApi { Respond = (_, _) => (HttpStatusCode.BadGateway, "<html>bad gateway</html>") };
        var (sender, _) = api.CreateSender();

        var outcome = await sender.SendAsync(Envelope(new TextMessage("hi")), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_WhenTextHasChineseAndEmoji_SendsRealUtf8WithoutEscapes()
    {
        using var api = new FakeTencentApi();
        var (sender, _) = api.CreateSender();

        var outcome = await sender.SendAsync(Envelope(new TextMessage("您的书已到 📚 <请> \"取\" \\u4e2d")), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Sent("custom:7"), outcome);
        var body = LastBody(api, "/cgi-bin/message/custom/send");
        Assert.Equal("""{"touser":"oPatron","msgtype":"text","text":{"content":"您的书已到 📚 <请> \"取\" \\u4e2d"}}""", body);
        Assert.False(WeChatJson.HasUnicodeEscape(body));
    }

    [Fact]
    public async Task SendAsync_WhenRecordCard_SendsNewsWithOneArticle()
    {
        using var api = new FakeTencentApi();
        var (sender, _) = api.CreateSender();
        var card = new RecordCard("三体", "刘慈欣", "2008", "1 copy on shelf", [new Choice("hold", "预约")], "https://opac.example/3");

        await sender.SendAsync(Envelope(card), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(LastBody(api, "/cgi-bin/message/custom/send"))!;
        Assert.Equal("news", (string?)body["msgtype"]);
        var article = Assert.Single(body["news"]!["articles"]!.AsArray())!;
        Assert.Equal("三体", (string?)article["title"]);
        Assert.Equal("刘慈欣 (2008)\n1 copy on shelf\n1. 预约", (string?)article["description"]);
        Assert.Equal("https://opac.example/3", (string?)article["url"]);
        Assert.Null(article["picurl"]);
    }

    [Fact]
    public async Task SendAsync_WhenServiceAccountHasTemplate_SendsTemplateAndReturnsItsMsgId()
    {
        using var api = new FakeTencentApi { Respond = (_, _) => (HttpStatusCode.OK, """{"errcode":0,"errmsg":"ok","msgid":200228332}""") };
        var (sender, _) = api.CreateSender(ServiceAccount());
        var notice = new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string> { ["title"] = "红楼梦", ["pickupBy"] = "2026-12-01" }, "红楼梦 is ready");

        var outcome = await sender.SendAsync(Envelope(notice), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Sent("200228332"), outcome);
        Assert.Equal(
            """{"touser":"oPatron","template_id":"TPL-hold","client_msg_id":"librarybot-7","data":{"thing1":{"value":"红楼梦"},"time2":{"value":"2026-12-01"}}}""",
            LastBody(api, "/cgi-bin/message/template/send"));
    }

    [Fact]
    public async Task SendAsync_WhenTemplateParameterMissingOrSubscriptionAccount_SendsCustomerServiceText()
    {
        using var api = new FakeTencentApi();
        var notice = new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string> { ["title"] = "红楼梦" }, "红楼梦 is ready");
        var subscription = ServiceAccount();
        subscription.AccountType = WeChatAccountType.Subscription;

        await api.CreateSender(ServiceAccount()).Sender.SendAsync(Envelope(notice), TestContext.Current.CancellationToken);
        await api.CreateSender(subscription).Sender.SendAsync(Envelope(notice with { Parameters = new Dictionary<string, string> { ["title"] = "a", ["pickupBy"] = "b" } }), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(api.Calls, c => c.Path == "/cgi-bin/message/template/send");
        Assert.Equal(2, api.Calls.Count(c => c.Path == "/cgi-bin/message/custom/send" && c.Body.Contains("红楼梦 is ready", StringComparison.Ordinal)));
    }

    private static WeChatOptions ServiceAccount() => new()
    {
        AppId = "wxapp",
        AppSecret = "s3cret",
        AccountType = WeChatAccountType.Service,
        Templates =
        {
            [NotificationKind.HoldReady] = new WeChatTemplate
            {
                TemplateId = "TPL-hold",
                Fields = { new() { DataKey = "thing1", Parameter = "title" }, new() { DataKey = "time2", Parameter = "pickupBy" } },
            },
        },
    };
}
