using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary>
/// <c>X-Hub-Signature-256</c>: <c>sha256=</c> + hex HMAC-SHA256 of the raw body keyed with the app secret, compared in
/// constant time. When the raw bytes do not match and the body has non-ASCII characters, the form with every character
/// above <c>~</c> re-escaped as <c>\uXXXX</c> (lower-case hex, UTF-16 code units) is tried once, as whatsapp-api-js does.
/// </summary>
public static class WhatsAppSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>The header value for a body: <c>sha256=</c> and 64 lower-case hex digits.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(appSecret);
        if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), expected))
        {
            return true;
        }

        return HasNonAscii(body)
            && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, EscapeNonAscii(body)), expected);
    }

    /// <summary>The body with every UTF-16 code unit above <c>~</c> written as <c>\u</c> + 4 lower-case hex digits.</summary>
    public static byte[] EscapeNonAscii(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c > '~')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> body) => body.IndexOfAnyInRange((byte)0x7F, (byte)0xFF) >= 0;
}
