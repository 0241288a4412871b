using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// WeChat's SHA1 signatures: <c>hex_lower(SHA1(concat(sort(parts))))</c> with an ORDINAL sort
/// (URL verification and plain mode: token, timestamp, nonce; safe mode adds Encrypt).
/// </summary>
internal static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares a received signature with the expected one in constant time (hex case-insensitive).</summary>
    public static bool Matches(string? received, params string[] parts)
    {
        if (string.IsNullOrEmpty(received) || received.Length != 40)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(received.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
