using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatAccessTokenHolderTests
{
    private static OutboundEnvelope Text(long id, string text = "hello") =>
        new(id, new ConversationRef(ChannelId.WeChat, "gh_1", $"openid-{id}"), new TextMessage(text), "zh-Hans", DateTimeOffset.UtcNow, 1);

    [Fact]
    public async Task SendAsync_When50ConcurrentSendsWithoutToken_FetchesTheTokenOnce()
    {
        using var api = new FakeTencentApi();
        var (sender, _) = api.CreateSender();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => sender.SendAsync(Text(i), TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Sent, o.Kind));
        Assert.Equal(1, api.TokenCalls);
        Assert.Equal(50, api.Calls.Count(c => c.Path == "/cgi-bin/message/custom/send" && c.Token == "TOKEN-1"));
    }

    [Fact]
    public async Task SendAsync_When50ConcurrentSendsGet40001_RefreshesExactlyOnceAndRetriesEach()
    {
        using var api = new FakeTencentApi();
        var (sender, _) = api.CreateSender();
        await sender.SendAsync(Text(0), TestContext.Current.CancellationToken);
        api.Invalidate();
        api.HoldStaleAnswersUntil = 50;

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => sender.SendAsync(Text(i), TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Sent, o.Kind));
        Assert.Equal(2, api.TokenCalls);
        Assert.Equal(1 + 50, api.Calls.Count(c => c.Path == "/cgi-bin/message/custom/send" && c.Token == "TOKEN-1"));
        Assert.Equal(50, api.Calls.Count(c => c.Path == "/cgi-bin/message/custom/send" && c.Token == "TOKEN-2"));
    }

    [Fact]
    public async Task SendAsync_WhenTokenStaysRejected_RefreshesOnceRetriesOnceThenAsksToRetryLater()
    {
        using var api = new FakeTencentApi();
        var (sender, _) = api.CreateSender();
        api.Respond = (_, _) => (System.Net.HttpStatusCode.OK, """{"errcode":42001,"errmsg":"access_token expired"}""");

        var outcome = await sender.SendAsync(Text(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Equal("42001", outcome.ErrorCode);
        Assert.Equal(2, api.TokenCalls);
        Assert.Equal(2, api.Calls.Count(c => c.Path == "/cgi-bin/message/custom/send"));
    }

    [Fact]
    public async Task GetAsync_WhenCached_ReusesTheToken()
    {
        using var api = new FakeTencentApi();
        var (_, tokens) = api.CreateSender();

        var first = await tokens.GetAsync(TestContext.Current.CancellationToken);
        var second = await tokens.GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal("TOKEN-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, api.TokenCalls);
        var request = api.Calls.Single(c => c.Path == "/cgi-bin/stable_token").Body;
        Assert.Equal("""{"grant_type":"client_credential","appid":"wxapp","secret":"s3cret","force_refresh":false}""", request);
    }
}
