using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Bot;

/// <summary>Hashes identifiers (conversation keys, phone numbers, OpenIDs) before they reach a log.</summary>
public static class LogIds
{
    public static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
