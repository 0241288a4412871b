using System.Net.Http.Json;
using System.Text.Json;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WeChat;
using LibraryBot.Channels.WeChat.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>
/// <see cref="WeChatMassSender"/> against the sandbox's fake <c>message/mass/send</c> over HTTP: quotas per account type,
/// clientmsgid replay, list sizes, delivery to the simulator, and MASSSENDJOBFINISH posted to our webhook and parsed back.
/// </summary>
public sealed class WeChatMassSendTests : IAsyncDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private WeChatTestHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WeChatMassSender Sender => host!.Services.GetRequiredService<WeChatMassSender>();

    private WeChatSandboxState State => host!.Services.GetRequiredService<WeChatSandboxState>();

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task SendTextAsync_OnAServiceAccount_FiltersFollowersOverFourAMonthAndCountsNonFollowersAsErrors()
    {
        await StartAsync("service");
        await FollowAsync("oAna", "oBo");
        await FollowAsync("oGone");
        await SimulateAsync(new { openId = "oGone", @event = "unsubscribe" });
        string[] list = ["oAna", "oBo", "oGone"];

        var outcomes = new List<WeChatMassSendOutcome>();
        for (var i = 1; i <= 5; i++)
        {
            outcomes.Add(await Sender.SendTextAsync(list, $"新书 {i}", $"broadcast-1:{i}", Ct));
        }

        Assert.All(outcomes, o => Assert.True(o.Accepted && o.ErrCode == 0 && o.CalledWeChat, o.ErrMsg));
        Assert.Equal(4, State.MessagesTo("oAna", 0).Count);
        Assert.Equal(["新书 1", "新书 2", "新书 3", "新书 4"], State.MessagesTo("oBo", 0).Select(m => (string?)m.Body!["text"]!["content"]));
        Assert.Empty(State.MessagesTo("oGone", 0));
        var first = await FinishedAsync(outcomes[0].MsgId!.Value);
        var fifth = await FinishedAsync(outcomes[4].MsgId!.Value);
        Assert.Equal(new WeChatMassSendResult(outcomes[0].MsgId!.Value, "send success", TotalCount: 3, FilterCount: 3, SentCount: 2, ErrorCount: 1), first);
        Assert.Equal(new WeChatMassSendResult(outcomes[4].MsgId!.Value, "send success", TotalCount: 3, FilterCount: 1, SentCount: 0, ErrorCount: 1), fifth);
        Assert.Equal(2, fifth.FilteredOut);

        time.Advance(TimeSpan.FromDays(4)); // 1 December: a new calendar month
        var december = await Sender.SendTextAsync(list, "十二月新书", "broadcast-2", Ct);
        Assert.True(december.Accepted);
        Assert.Equal(5, State.MessagesTo("oAna", 0).Count);
    }

    [Fact]
    public async Task SendTextAsync_OnASubscriptionAccount_AllowsOneMassSendPerUtcDay()
    {
        await StartAsync("subscription");
        await FollowAsync("oAna", "oBo");
        Assert.Equal(WeChatAccountType.Subscription, Sender.AccountType);

        var first = await Sender.SendTextAsync(["oAna", "oBo"], "今天的活动", "day-1", Ct);
        var second = await Sender.SendTextAsync(["oAna", "oBo"], "再一条", "day-1b", Ct);
        time.Advance(TimeSpan.FromHours(14)); // 00:00 UTC the next day
        var nextDay = await Sender.SendTextAsync(["oAna", "oBo"], "明天的活动", "day-2", Ct);

        Assert.True(first.Accepted);
        Assert.Equal(WeChatMassSendOutcome.NoMassSendQuota, second.ErrCode);
        Assert.False(second.Accepted);
        Assert.Null(second.MsgId);
        Assert.True(nextDay.Accepted);
        Assert.Equal(["今天的活动", "明天的活动"], State.MessagesTo("oAna", 0).Select(m => (string?)m.Body!["text"]!["content"]));
    }

    [Fact]
    public async Task SendTextAsync_WhenTheSameClientMsgIdIsSentAgain_Answers45065WithTheOriginalMsgIdAndDeliversOnce()
    {
        await StartAsync("service");
        await FollowAsync("oAna", "oBo");

        var first = await Sender.SendTextAsync(["oAna", "oBo"], "读书会周五见", "broadcast-7:wechat:0", Ct);
        var replay = await Sender.SendTextAsync(["oAna", "oBo"], "读书会周五见", "broadcast-7:wechat:0", Ct);

        Assert.Equal(0, first.ErrCode);
        Assert.Equal(WeChatMassSendOutcome.ClientMsgIdExists, replay.ErrCode);
        Assert.Equal(first.MsgId, replay.MsgId);
        Assert.True(replay.Accepted);
        Assert.Single(State.MessagesTo("oAna", 0));
        Assert.Single(State.MessagesTo("oBo", 0));
        await FinishedAsync(first.MsgId!.Value);
        Assert.Single(host!.Sink.Stored, a => a.Event?.Kind == ChannelEventKind.JobFinished);
    }

    [Fact]
    public async Task SendTextAsync_WhenListOrClientMsgIdOutOfLimits_RefusesBeforeCallingWeChat()
    {
        await StartAsync("service");
        await FollowAsync("oAna");

        var one = await Sender.SendTextAsync(["oAna"], "hi", "a", Ct);
        var tooMany = await Sender.SendTextAsync([.. Enumerable.Range(0, 10_001).Select(i => $"o{i}")], "hi", "b", Ct);
        var longId = await Sender.SendTextAsync(["oAna", "oBo"], "hi", new string('号', 22), Ct); // 66 bytes in UTF-8

        Assert.Equal((40130, false), (one.ErrCode, one.CalledWeChat));
        Assert.Equal((40032, false), (tooMany.ErrCode, tooMany.CalledWeChat));
        Assert.Equal((45067, false), (longId.ErrCode, longId.CalledWeChat));
        Assert.Empty(State.MessagesTo("oAna", 0));
    }

    [Theory]
    [InlineData(1, "\"c1\"", 40130)]
    [InlineData(10_001, "\"c2\"", 40032)]
    [InlineData(2, "\"0123456789012345678901234567890123456789012345678901234567890123X\"", 45067)]
    public async Task MassSend_WhenTheFakeIsCalledDirectlyOutOfLimits_AnswersTencentsErrcode(int count, string clientMsgId, int errcode)
    {
        await StartAsync("service");
        await FollowAsync("o0", "o1");
        var token = State.IssueToken(force: false).Token;
        var touser = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"o{i}\""));

        using var response = await host!.Client.PostAsync(
            host.Url($"/sandbox/wechat/cgi-bin/message/mass/send?access_token={token}"),
            new StringContent($$"""{"touser":[{{touser}}],"msgtype":"text","text":{"content":"hi"},"send_ignore_reprint":0,"clientmsgid":{{clientMsgId}}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(errcode, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errcode").GetInt32());
        Assert.Empty(State.MessagesTo("o0", 0));
    }

    [Fact]
    public async Task MassSend_WhenTokenIsWrong_Answers40001()
    {
        await StartAsync("service");

        using var response = await host!.Client.PostAsync(
            host.Url("/sandbox/wechat/cgi-bin/message/mass/send?access_token=nope"),
            new StringContent("""{"touser":["a","b"],"msgtype":"text","text":{"content":"hi"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(40001, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task SendTextAsync_SendsTencentsBodyWithClientMsgIdAndMapsTheAnswer()
    {
        using var api = new FakeTencentApi
        {
            Respond = (path, _) => (System.Net.HttpStatusCode.OK, path == "/cgi-bin/message/mass/send"
                ? """{"errcode":0,"errmsg":"send job submission success","msg_id":"34182","msg_data_id":206227730}"""
                : """{"errcode":0,"errmsg":"ok"}"""),
        };
        var options = Microsoft.Extensions.Options.Options.Create(new WeChatOptions { AppId = "wxapp", AppSecret = "s3cret", AccountType = WeChatAccountType.Service });
        var tokens = new WeChatAccessTokenHolder(new WeChatApiFactory(api), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WeChatAccessTokenHolder>.Instance);
        var sender = new WeChatMassSender(tokens, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<WeChatMassSender>.Instance);

        var outcome = await sender.SendTextAsync(["oA", "oB"], "图书馆新闻 📚", "b-1", Ct);

        Assert.Equal(new WeChatMassSendOutcome(0, "send job submission success", 34182, true), outcome);
        var call = Assert.Single(api.Calls, c => c.Path == "/cgi-bin/message/mass/send");
        Assert.Equal("""{"touser":["oA","oB"],"msgtype":"text","text":{"content":"图书馆新闻 📚"},"send_ignore_reprint":0,"clientmsgid":"b-1"}""", call.Body);
    }

    [Fact]
    public void TryParse_ReadsBackWhatFormatWrites()
    {
        var result = new WeChatMassSendResult(1000001625, "err(20013)", 10, 8, 7, 1);

        Assert.Equal("1000001625|10|8|7|1|err(20013)", result.Format());
        Assert.True(WeChatMassSendResult.TryParse(result.Format(), out var back));
        Assert.Equal(result, back);
        Assert.False(back.Succeeded);
        Assert.False(WeChatMassSendResult.TryParse("1988:send success", out _));
        Assert.False(WeChatMassSendResult.TryParse("x|1|1|1|1|send success", out _));
        Assert.False(WeChatMassSendResult.TryParse(null, out _));
    }

    private async Task StartAsync(string accountType) => host = await WeChatTestHost.StartAsync(
        new() { ["Channels:WeChat:AccountType"] = accountType },
        services => services.AddSingleton<TimeProvider>(time));

    private async Task FollowAsync(params string[] openIds)
    {
        foreach (var openId in openIds)
        {
            await SimulateAsync(new { openId, @event = "subscribe" });
        }
    }

    private async Task SimulateAsync(object body)
    {
        using var response = await host!.Client.PostAsJsonAsync(host.Url("/sandbox/wechat/simulate"), body, Ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Lets the fake's report delay pass and waits for the MASSSENDJOBFINISH activity of <paramref name="msgId"/>.</summary>
    private async Task<WeChatMassSendResult> FinishedAsync(long msgId)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        var finished = await host!.Sink.WaitForAsync(
            a => a.Event?.Kind == ChannelEventKind.JobFinished && WeChatMassSendResult.TryParse(a.Event.Value, out var r) && r.MsgId == msgId,
            TimeSpan.FromSeconds(10));
        Assert.Equal(WeChatSimulator.MassSendHelper, finished.Conversation.UserId);
        Assert.True(WeChatMassSendResult.TryParse(finished.Event!.Value, out var result));
        return result;
    }
}
