using LibraryBot.Channels.WeChat;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary><c>wechat-token</c>: degraded while the last access-token refresh failed; healthy when fresh or not needed yet.</summary>
public sealed class WeChatTokenHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckHealthAsync_WhenNoTokenWasNeededYet_IsHealthy()
    {
        using var api = new FakeTencentApi();
        var (_, tokens) = api.CreateSender();

        var result = await new WeChatTokenHealthCheck(tokens).CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(0, api.TokenCalls);
    }

    [Fact]
    public async Task CheckHealthAsync_WhenTheRefreshFails_IsDegradedWithTheErrcodeUntilARefreshSucceeds()
    {
        using var api = new FakeTencentApi { TokenError = 40125 };
        var (_, tokens) = api.CreateSender();
        var check = new WeChatTokenHealthCheck(tokens);

        await Assert.ThrowsAsync<WeChatApiException>(() => tokens.GetAsync(Ct));
        var failed = await check.CheckHealthAsync(new HealthCheckContext(), Ct);
        api.TokenError = null;
        await tokens.GetAsync(Ct);
        var recovered = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Degraded, failed.Status);
        Assert.Contains("errcode 40125", failed.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
        Assert.StartsWith("access token fresh until", recovered.Description, StringComparison.Ordinal);
    }
}
