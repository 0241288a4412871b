using System.Text;
using Microsoft.AspNetCore.Http;

namespace LibraryBot.Bot.Telemetry;

/// <summary>
/// Keeps personal data out of the HTTP spans the ASP.NET Core and HttpClient instrumentations write: request paths and
/// query strings (console paths name staff and conversations, WeChat's webhook query carries the patron's OpenID,
/// SRU queries carry search words, Koha paths carry patron ids, WeChat API queries carry the access token) are dropped;
/// the route template stays. Operational endpoints are not traced at all.
/// </summary>
public static class HttpSpanPrivacy
{
    private static readonly string[] UntracedPaths = ["/healthz", "/readyz", "/metrics"];

    /// <summary>Whether an incoming request is traced (health probes and scrapes are not).</summary>
    public static bool IsTraced(HttpContext context) =>
        !UntracedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes the incoming request's path and query from its span (its <c>http.route</c> template remains).</summary>
    public static void ScrubIncoming(System.Diagnostics.Activity span)
    {
        span.SetTag("url.path", null);
        span.SetTag("url.query", null);
        span.SetTag("client.address", null);
    }

    /// <summary>Replaces an outgoing request's <c>url.full</c> by its address without query, numeric path segments as <c>{id}</c>.</summary>
    public static void ScrubOutgoing(System.Diagnostics.Activity span, HttpRequestMessage request)
    {
        span.SetTag("url.full", request.RequestUri is { IsAbsoluteUri: true } uri ? Redact(uri) : null);
    }

    public static string Redact(Uri uri)
    {
        var path = new StringBuilder();
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(segment.Any(char.IsAsciiDigit) && !segment.Contains('.', StringComparison.Ordinal) ? "{id}" : segment);
        }

        return $"{uri.Scheme}://{uri.Authority}{(path.Length == 0 ? "/" : path.ToString())}";
    }
}
