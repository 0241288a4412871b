using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The single access-token holder for the configured AppID (a singleton): fetches a stable token, caches it until
/// 5 minutes before expiry, and refreshes at most once for concurrent callers (single flight). A call that fails
/// with 40001/40014/42001 refreshes once (unless another caller already did) and is retried once.
/// </summary>
internal sealed class WeChatAccessTokenHolder(
    WeChatApiFactory apis,
    IOptions<WeChatOptions> options,
    TimeProvider time,
    ILogger<WeChatAccessTokenHolder> logger) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile CachedToken? cached;
    private volatile TokenFailure? lastFailure;

    /// <summary>How fresh the token is, for the health check: when the cached one is due for refresh and the last failure since.</summary>
    public WeChatTokenState State => new(cached?.RefreshAt, lastFailure?.ErrCode, lastFailure?.At);

    public static bool IsTokenError(int errCode) => errCode is 40001 or 40014 or 42001;

    /// <summary>Runs an API call with a valid token; on a token error refreshes once and retries once.</summary>
    public async Task<T> CallAsync<T>(Func<IWeChatApi, string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : WeChatApiResult
    {
        var api = apis.Create();
        var token = await GetAsync(cancellationToken);
        var result = await call(api, token, cancellationToken);
        if (!IsTokenError(result.ErrCode))
        {
            return result;
        }

        token = await RefreshAsync(token, cancellationToken);
        return await call(api, token, cancellationToken);
    }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = cached;
        return current is not null && time.GetUtcNow() < current.RefreshAt
            ? current.Value
            : await RefreshAsync(current?.Value, cancellationToken);
    }

    /// <summary>Fetches a new token unless one other than <paramref name="stale"/> is already cached.</summary>
    private async Task<string> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = cached;
            if (current is not null && current.Value != stale && time.GetUtcNow() < current.RefreshAt)
            {
                return current.Value;
            }

            var o = options.Value;
            var request = new JsonObject
            {
                ["grant_type"] = "client_credential",
                ["appid"] = o.AppId,
                ["secret"] = o.AppSecret,
                ["force_refresh"] = false,
            };
            WeChatTokenResponse response;
            try
            {
                response = await apis.Create().GetStableTokenAsync(WeChatJson.Content(request), cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                lastFailure = new TokenFailure(null, time.GetUtcNow());
                throw;
            }

            if (response.ErrCode != 0 || string.IsNullOrEmpty(response.AccessToken))
            {
                WeChatLog.TokenFailed(logger, response.ErrCode);
                lastFailure = new TokenFailure(response.ErrCode, time.GetUtcNow());
                throw new WeChatApiException(response.ErrCode, response.ErrMsg);
            }

            var lifetime = TimeSpan.FromSeconds(response.ExpiresIn);
            var keepFor = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
            cached = new CachedToken(response.AccessToken, time.GetUtcNow() + keepFor);
            lastFailure = null;
            WeChatLog.TokenRefreshed(logger, response.ExpiresIn);
            return response.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenFailure(int? ErrCode, DateTimeOffset At);
}
