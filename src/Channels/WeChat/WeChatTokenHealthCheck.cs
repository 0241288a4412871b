using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// <c>wechat-token</c>: degraded when the last access-token refresh failed (replies to WeChat cannot be sent until
/// it succeeds); healthy when the token is fresh or has not been needed yet (it is fetched on first use). Degraded,
/// not unhealthy: every instance shares the credentials, so taking this one out of service would not help.
/// </summary>
internal sealed class WeChatTokenHealthCheck(WeChatAccessTokenHolder holder) : IHealthCheck
{
    public const string Name = "wechat-token";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = holder.State;
        if (state.LastRefreshFailed)
        {
            var code = state.FailedErrCode is { } errCode ? $"errcode {errCode.ToString(CultureInfo.InvariantCulture)}" : "API unreachable";
            return Task.FromResult(HealthCheckResult.Degraded($"the last access-token refresh failed ({code}); check Channels:WeChat:AppId, AppSecret and the API IP allow-list"));
        }

        return Task.FromResult(state.FreshUntil is { } until
            ? HealthCheckResult.Healthy($"access token fresh until {until.ToString("u", CultureInfo.InvariantCulture)}")
            : HealthCheckResult.Healthy("no access token needed yet (fetched on first use)"));
    }
}
