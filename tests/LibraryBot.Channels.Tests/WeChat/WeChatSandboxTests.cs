using System.Net.Http.Json;
using System.Text.Json;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WeChat;
using LibraryBot.Channels.WeChat.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>The sandbox end to end: simulator → real HTTP webhook → broker reply; sender → fake Tencent API over HTTP.</summary>
public sealed class WeChatSandboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private WeChatTestHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await WeChatTestHost.StartAsync(
        new()
        {
            ["Channels:WeChat:PassiveReplyBudgetMs"] = "1500",
            ["Channels:WeChat:AccountType"] = "service",
            ["Channels:WeChat:Templates:HoldReady:TemplateId"] = "TPL-hold",
            ["Channels:WeChat:Templates:HoldReady:Fields:0:DataKey"] = "thing1",
            ["Channels:WeChat:Templates:HoldReady:Fields:0:Parameter"] = "title",
            ["Channels:WeChat:Menu:0:Name"] = "查书",
            ["Channels:WeChat:Menu:0:Type"] = "click",
            ["Channels:WeChat:Menu:0:Key"] = "SEARCH",
            ["Channels:WeChat:Menu:0:Intent"] = "search",
            ["Channels:WeChat:Menu:1:Name"] = "我的",
            ["Channels:WeChat:Menu:1:SubButtons:0:Name"] = "续借全部",
            ["Channels:WeChat:Menu:1:SubButtons:0:Type"] = "click",
            ["Channels:WeChat:Menu:1:SubButtons:0:Key"] = "RENEW_ALL",
            ["Channels:WeChat:Menu:1:SubButtons:0:Intent"] = "renew_all",
            ["Channels:WeChat:Menu:1:SubButtons:1:Name"] = "网站",
            ["Channels:WeChat:Menu:1:SubButtons:1:Type"] = "view",
            ["Channels:WeChat:Menu:1:SubButtons:1:Url"] = "https://library.example/",
        },
        services => services.AddSingleton<TimeProvider>(time));

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IChannelSender Sender => host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.WeChat);

    private static OutboundEnvelope To(string openId, OutboundMessage message) =>
        new(1, new ConversationRef(ChannelId.WeChat, WeChatSandboxDefaults.AccountId, openId), message, "zh-Hans", null, 1);

    private async Task<JsonElement> SimulateAsync(object body)
    {
        var response = await host.Client.PostAsJsonAsync(host.Url("/sandbox/wechat/simulate"), body, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Theory]
    [InlineData("safe")]
    [InlineData("plain")]
    public async Task Simulate_WhenTurnReplies_ReturnsTheDecryptedPassiveReply(string mode)
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("今天 9:00–21:00 开放"));

        var result = await SimulateAsync(new { openId = "oSim1", text = "几点开门", mode });

        Assert.Equal(200, result.GetProperty("status").GetInt32());
        var reply = result.GetProperty("passiveReply");
        Assert.Equal("text", reply.GetProperty("MsgType").GetString());
        Assert.Equal("今天 9:00–21:00 开放", reply.GetProperty("Content").GetString());
        Assert.Equal(mode == "safe", result.GetProperty("raw").GetString()!.Contains("<Encrypt>", StringComparison.Ordinal));
        var stored = Assert.Single(host.Sink.Stored);
        Assert.Equal("几点开门", stored.Text);
        Assert.Equal(WeChatSandboxDefaults.AccountId, stored.Conversation.AccountId);
    }

    [Fact]
    public async Task Simulate_WhenMenuClickAndNoReply_StoresIntentAndAnswersSuccess()
    {
        var result = await SimulateAsync(new { openId = "oSim2", @event = "CLICK", eventKey = "RENEW_ALL" });

        Assert.Equal("success", result.GetProperty("raw").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("passiveReply").ValueKind);
        Assert.Equal(new ChannelEvent(ChannelEventKind.MenuClick, "renew_all"), Assert.Single(host.Sink.Stored).Event);
    }

    [Fact]
    public async Task Simulate_WhenRecordCardReply_ReturnsTheNewsArticle()
    {
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new RecordCard("三体", "刘慈欣", null, "在架", []));

        var result = await SimulateAsync(new { openId = "oSim5", text = "三体", mode = "safe" });

        var reply = result.GetProperty("passiveReply");
        Assert.Equal("news", reply.GetProperty("MsgType").GetString());
        var article = Assert.Single(reply.GetProperty("Articles").EnumerateArray());
        Assert.Equal("三体", article.GetProperty("Title").GetString());
        Assert.Equal("刘慈欣\n在架", article.GetProperty("Description").GetString());
    }

    [Fact]
    public async Task SendAsync_WhenFollowerWroteWithin48Hours_IsRecordedElseHeld()
    {
        await SimulateAsync(new { openId = "oSim3", text = "hi" });

        var sent = await Sender.SendAsync(To("oSim3", new TextMessage("您好 📚")), Ct);
        time.Advance(TimeSpan.FromHours(49));
        var late = await Sender.SendAsync(To("oSim3", new TextMessage("too late")), Ct);

        Assert.Equal(SendOutcomeKind.Sent, sent.Kind);
        Assert.Equal(SendOutcomeKind.Held, late.Kind);
        Assert.Equal("45015", late.ErrorCode);
        var messages = await host.Client.GetFromJsonAsync<JsonElement>(host.Url("/sandbox/wechat/messages?to=oSim3&after=0"), Ct);
        var message = Assert.Single(messages.EnumerateArray());
        Assert.Equal("custom/send", message.GetProperty("api").GetString());
        Assert.Equal("您好 📚", message.GetProperty("body").GetProperty("text").GetProperty("content").GetString());
        var after = await host.Client.GetFromJsonAsync<JsonElement>(host.Url($"/sandbox/wechat/messages?to=oSim3&after={message.GetProperty("sequence").GetInt64()}"), Ct);
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task SendAsync_WhenSandboxTokenWasRotated_RefreshesOnceAndSends()
    {
        await SimulateAsync(new { openId = "oSim6", text = "hi" });
        Assert.Equal(SendOutcomeKind.Sent, (await Sender.SendAsync(To("oSim6", new TextMessage("one")), Ct)).Kind);
        var state = host.Services.GetRequiredService<WeChatSandboxState>();
        var rotated = state.IssueToken(force: true).Token;

        var outcome = await Sender.SendAsync(To("oSim6", new TextMessage("two")), Ct);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(rotated, await host.Services.GetRequiredService<WeChatAccessTokenHolder>().GetAsync(Ct));
        Assert.Equal(2, state.MessagesTo("oSim6", 0).Count);
    }

    [Fact]
    public async Task CustomSend_WhenBodyHasUnicodeEscapes_SandboxAnswers40033()
    {
        var state = host.Services.GetRequiredService<WeChatSandboxState>();
        await SimulateAsync(new { openId = "oSim7", text = "hi" });
        var token = state.IssueToken(force: false).Token;

        var response = await host.Client.PostAsync(
            host.Url($"/sandbox/wechat/cgi-bin/message/custom/send?access_token={token}"),
            new StringContent("""{"touser":"oSim7","msgtype":"text","text":{"content":"\u4f60\u597d"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(40033, answer.GetProperty("errcode").GetInt32());
        Assert.Empty(state.MessagesTo("oSim7", 0));
    }

    [Fact]
    public async Task SendAsync_WhenTemplate_SandboxReportsDeliveryToTheWebhook()
    {
        await SimulateAsync(new { openId = "oSim4", @event = "subscribe" });
        var notice = new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string> { ["title"] = "红楼梦" }, "红楼梦 可取");

        var outcome = await Sender.SendAsync(To("oSim4", notice), Ct);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var receipt = await host.Sink.WaitForAsync(a => a.Type == ActivityType.DeliveryStatus, TimeSpan.FromSeconds(10));
        Assert.Equal(new DeliveryStatus(outcome.ChannelMessageId!, DeliveryState.Delivered), receipt.Status);
    }

    [Fact]
    public async Task PublishIfChangedAsync_AfterStartPushedTheMenu_FindsItUnchanged()
    {
        var state = host.Services.GetRequiredService<WeChatSandboxState>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (state.Menu is null)
        {
            await Task.Delay(50, wait.Token);
        }

        var publisher = host.Services.GetServices<IHostedService>().OfType<WeChatMenuPublisher>().Single();

        Assert.False(await publisher.PublishIfChangedAsync(Ct));
        Assert.Equal("""[{"name":"查书","type":"click","key":"SEARCH"},{"name":"我的","sub_button":[{"name":"续借全部","type":"click","key":"RENEW_ALL"},{"name":"网站","type":"view","url":"https://library.example/"}]}]""",
            WeChatJson.Serialize(state.Menu));
    }
}
