using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Channels.Sms.Webhooks;

/// <summary>
/// <c>X-Twilio-Signature</c>: Base64 of HMAC-SHA1, keyed with the account's auth token (UTF-8), over the full URL Twilio
/// requested (with its query string) followed by every POST parameter sorted by name (ordinal), each written as name
/// then value with no separator (a repeated name: each value, sorted, after the name). Compared in constant time. Like
/// Twilio's own validators, the URL is also tried without its port and with the scheme's default port, because Twilio
/// may sign either form (twilio-csharp <c>RequestValidator</c>).
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken) =>
        Convert.ToBase64String(Hash(url, parameters, authToken));

    public static bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? header, string authToken)
    {
        if (string.IsNullOrEmpty(header) || header.Length != 28)
        {
            return false;
        }

        // The Base64 text is compared, as Twilio's validators compare it (decoding would also accept other padding bits).
        var given = Encoding.ASCII.GetBytes(header);
        var list = parameters as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. parameters];
        var valid = false;
        foreach (var candidate in UrlForms(url))
        {
            // Every form is checked (no early exit), so the time taken does not depend on which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(candidate, list, authToken)), given);
        }

        return valid;
    }

    /// <summary>The URL as given, without its port, and with the scheme's default port (distinct forms only).</summary>
    internal static IReadOnlyList<string> UrlForms(string url)
    {
        var forms = new List<string> { url };
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return forms;
        }

        // Rebuilt from the parts as written: only the authority changes, the path and query stay byte for byte.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], schemeEnd);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[schemeEnd..authorityEnd];
        var hostEnd = authority.LastIndexOf(':');
        var host = hostEnd > authority.LastIndexOf(']') && hostEnd > authority.LastIndexOf('@') ? authority[..hostEnd] : authority;
        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : 80;
        foreach (var form in new[] { host, $"{host}:{defaultPort}" })
        {
            var rebuilt = url[..schemeEnd] + form + url[authorityEnd..];
            if (!forms.Contains(rebuilt, StringComparer.Ordinal))
            {
                forms.Add(rebuilt);
            }
        }

        return forms;
    }

    private static byte[] Hash(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
    }
}
