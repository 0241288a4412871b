using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// OAuth2 client-credentials tokens for Koha (<c>POST {BaseUrl}/oauth/token</c>), cached until shortly before
/// they expire. One token request at a time.
/// </summary>
internal sealed class KohaTokenSource(IHttpClientFactory httpClientFactory, IOptions<KohaOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "Koha.OAuth";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && time.GetUtcNow() < _expires)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _expires)
            {
                return fresh;
            }

            var token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 300);
            _token = token.AccessToken;
            _expires = time.GetUtcNow() + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (after Koha refused it).</summary>
    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();

    private async Task<KohaToken> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.ClientId ?? "",
            ["client_secret"] = o.ClientSecret ?? "",
        });
        var url = new Uri(o.BaseUrl.TrimEnd('/') + "/oauth/token");
        using var response = await KohaHttp.CallAsync(() => client.PostAsync(url, form, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            throw new CatalogueException(CatalogueErrorKind.Unauthorized, $"Koha refused LibraryBot's OAuth2 client ({(int)response.StatusCode}).");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CatalogueException(CatalogueErrorKind.Unavailable, $"Koha's token endpoint failed ({(int)response.StatusCode}).");
        }

        var token = await KohaHttp.CallAsync(
            () => response.Content.ReadFromJsonAsync<KohaToken>(KohaHttp.Json, cancellationToken), cancellationToken).ConfigureAwait(false);
        return token is { AccessToken.Length: > 0 }
            ? token
            : throw new CatalogueException(CatalogueErrorKind.Protocol, "Koha's token endpoint answered without an access_token.");
    }
}
