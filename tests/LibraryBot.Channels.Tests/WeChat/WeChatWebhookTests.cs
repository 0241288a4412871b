using System.Diagnostics;
using System.Net;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WeChat;
using static LibraryBot.Channels.Tests.WeChat.WeChatRequests;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatWebhookTests : IAsyncLifetime
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
        <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>
        """;

    private const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>2</MsgId></xml>
        """;

    private WeChatTestHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await WeChatTestHost.StartAsync(WeChatTestHost.ExplicitCredentials());

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Verify_WhenSignatureMatches_EchoesEchostrAsPlainText()
    {
        var signature = WeChatSignature.Compute(WeChatVectors.C1Token, Timestamp, Nonce);

        var response = await host.Client.GetAsync(host.Url($"/webhooks/wechat?signature={signature}&timestamp={Timestamp}&nonce={Nonce}&echostr=4375120948345356249"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4375120948345356249", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Verify_WhenSignatureIsWrong_Returns403()
    {
        var response = await host.Client.GetAsync(host.Url($"/webhooks/wechat?signature={new string('0', 40)}&timestamp={Timestamp}&nonce={Nonce}&echostr=1"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Receive_WhenPlainSignatureIsWrong_Returns401AndStoresNothing()
    {
        var response = await PostPlainAsync(host, TextXml("o1", "hi", 1), signature: new string('a', 40));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Sink.Calls);
    }

    [Fact]
    public async Task Receive_WhenSafeModeMsgSignatureIsWrong_Returns401AndStoresNothing()
    {
        var response = await PostSafeAsync(host, TextXml("o1", "hi", 1), msgSignature: WeChatSignature.Compute(WeChatVectors.C1Token, Timestamp, Nonce));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Sink.Calls);
    }

    [Theory]
    [InlineData(Xxe)]
    [InlineData(BillionLaughs)]
    public async Task Receive_WhenPayloadHasDtd_Returns400FastAndStoresNothing(string payload)
    {
        var watch = Stopwatch.StartNew();

        var plain = await PostPlainAsync(host, payload);
        var safe = await PostSafeAsync(host, payload);

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, safe.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(0, host.Sink.Calls);
    }

    [Fact]
    public async Task Receive_WhenBodyExceedsCap_Returns413AndStoresNothing()
    {
        var response = await PostPlainAsync(host, TextXml("o1", new string('x', 70_000), 3));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Sink.Calls);
    }

    [Fact]
    public async Task Receive_WhenPlainTextAndTurnReplies_StoresActivityAndRepliesPassively()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("回复 ]]> 你好"));

        var response = await PostPlainAsync(host, TextXml("oUser1", "续借", 6054768590064713728));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(host.Sink.Stored);
        Assert.Equal(ActivityType.Message, activity.Type);
        Assert.Equal("续借", activity.Text);
        Assert.Equal("6054768590064713728", activity.DedupeKey);
        Assert.Equal(new ConversationRef(ChannelId.WeChat, "gh_10f6c3c3ac5a", "oUser1"), activity.Conversation);
        Assert.Equal("zh-Hans", activity.LocaleHint);
        Assert.NotNull(activity.AwaitingReplyUntil);
        var reply = WeChatXml.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("oUser1", reply.Field("ToUserName"));
        Assert.Equal("gh_10f6c3c3ac5a", reply.Field("FromUserName"));
        Assert.Equal("text", reply.Field("MsgType"));
        Assert.Equal("回复 ]]> 你好", reply.Field("Content"));
    }

    [Fact]
    public async Task Receive_WhenTurnIsSlow_AnswersSuccessWithinTheBudget()
    {
        host.Broker.Turn = async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None);
            return new TextMessage("too late");
        };
        var watch = Stopwatch.StartNew();

        var response = await PostPlainAsync(host, TextXml("o1", "slow", 7));

        // Budget 1 s (+250 ms grace for the broker to give up); far below the 10 s turn and WeChat's 5 s limit.
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(2500), $"took {watch.Elapsed}");
        Assert.Equal("success", await response.Content.ReadAsStringAsync(Ct));
        Assert.Single(host.Sink.Stored);
    }

    [Fact]
    public async Task Receive_WhenSafeMode_RepliesEncryptedAndSignedWithSwappedAddresses()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(
            new ChoiceQuestion("续借哪一本？", [new Choice("a", "红楼梦"), new Choice("b", "三国演义")]));

        var response = await PostSafeAsync(host, TextXml("oUser2", "续借", 42));

        var envelope = WeChatXml.Parse(await response.Content.ReadAsStringAsync(Ct));
        var encrypted = envelope.Field("Encrypt")!;
        Assert.Null(envelope.Field("Content"));
        Assert.Equal(Nonce, envelope.Field("Nonce"));
        Assert.True(WeChatSignature.Matches(envelope.Field("MsgSignature"), WeChatVectors.C1Token, envelope.Field("TimeStamp")!, envelope.Field("Nonce")!, encrypted));
        Assert.True(new WeChatCipher(WeChatVectors.C1Key, WeChatVectors.C1AppId).TryDecrypt(encrypted, out var xml));
        var reply = WeChatXml.Parse(xml);
        Assert.Equal("oUser2", reply.Field("ToUserName"));
        Assert.Equal("gh_10f6c3c3ac5a", reply.Field("FromUserName"));
        Assert.Equal("续借哪一本？\n1. 红楼梦\n2. 三国演义", reply.Field("Content"));
    }

    [Fact]
    public async Task Receive_WhenSameMsgIdIsRetried_StoresOnceAndAsksTheBrokerEachTime()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("ok"));

        var first = await PostSafeAsync(host, TextXml("o3", "hours", 99));
        var retry = await PostSafeAsync(host, TextXml("o3", "hours", 99));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(host.Sink.Stored);
        Assert.Equal(2, host.Sink.Calls);
        Assert.Equal(["99", "99"], host.Broker.Claims.Select(c => c.DedupeKey));
        Assert.All(host.Broker.Claims, c => Assert.InRange(c.Budget, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1000)));
    }

    [Fact]
    public async Task Receive_WhenRecordCard_RepliesWithOneNewsArticle()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(
            new RecordCard("红楼梦", "曹雪芹", "1791", "2 available", [new Choice("hold", "预约")], "https://opac.example/1", "https://opac.example/1.jpg"));

        var response = await PostPlainAsync(host, TextXml("o4", "红楼梦", 100));

        var reply = WeChatXml.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("news", reply.Field("MsgType"));
        Assert.Equal("1", reply.Field("ArticleCount"));
        var item = Assert.Single(reply.Element("Articles")!.Elements("item"));
        Assert.Equal("红楼梦", item.Field("Title"));
        Assert.Equal("曹雪芹 (1791)\n2 available\n1. 预约", item.Field("Description"));
        Assert.Equal("https://opac.example/1", item.Field("Url"));
        Assert.Equal("https://opac.example/1.jpg", item.Field("PicUrl"));
    }

    [Fact]
    public async Task Receive_WhenUnsubscribeEvent_StoresEventAndAnswersSuccessWithoutWaiting()
    {
        const string xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o5]]></FromUserName><CreateTime>1700000123</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>";

        var response = await PostPlainAsync(host, xml);

        Assert.Equal("success", await response.Content.ReadAsStringAsync(Ct));
        var activity = Assert.Single(host.Sink.Stored);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Unfollow), activity.Event);
        Assert.Equal("o5:1700000123", activity.DedupeKey);
        Assert.Null(activity.AwaitingReplyUntil);
        Assert.Empty(host.Broker.Claims);
    }

    [Fact]
    public async Task Receive_WhenReplyTextIsEmpty_AnswersSuccessNotAnEmptyContent()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("  "));

        var response = await PostPlainAsync(host, TextXml("o7", "hi", 102));

        Assert.Equal("success", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Receive_WhenBudgetIsZero_NeverWaitsForTheTurn()
    {
        await host.DisposeAsync();
        var config = WeChatTestHost.ExplicitCredentials();
        config["Channels:WeChat:PassiveReplyBudgetMs"] = "0";
        host = await WeChatTestHost.StartAsync(config);

        var response = await PostPlainAsync(host, TextXml("o8", "hi", 103));

        Assert.Equal("success", await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(Assert.Single(host.Sink.Stored).AwaitingReplyUntil);
        Assert.Empty(host.Broker.Claims);
    }

    [Fact]
    public async Task Receive_WhenEncryptedWithPreviousKey_AcceptsAndRepliesWithThatKey()
    {
        await host.DisposeAsync();
        var config = WeChatTestHost.ExplicitCredentials();
        config["Channels:WeChat:EncodingAESKey"] = WeChatVectors.C3Key;
        config["Channels:WeChat:PreviousEncodingAESKey"] = WeChatVectors.C1Key;
        host = await WeChatTestHost.StartAsync(config);
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("rotated"));

        var response = await PostSafeAsync(host, TextXml("o6", "hi", 101), key: WeChatVectors.C1Key);

        var encrypted = WeChatXml.Parse(await response.Content.ReadAsStringAsync(Ct)).Field("Encrypt")!;
        Assert.True(new WeChatCipher(WeChatVectors.C1Key, WeChatVectors.C1AppId).TryDecrypt(encrypted, out var xml));
        Assert.Equal("rotated", WeChatXml.Parse(xml).Field("Content"));
        Assert.Single(host.Sink.Stored);
    }
}
