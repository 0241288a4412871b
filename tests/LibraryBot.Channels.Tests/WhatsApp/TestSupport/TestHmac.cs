using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>Signs bodies for tests the plain way (independent of the code under test).</summary>
internal static class TestHmac
{
    public const string Secret = "test_app_secret";

    public static string Sign(byte[] body, string secret = Secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
    }
}
