using System.Globalization;
using System.Security.Cryptography;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Fresh patron ids per test: phone numbers with a country code (WhatsApp derives its language hint from it), OpenIDs.</summary>
internal static class Phones
{
    public const string UnitedStates = "1555";
    public const string Spain = "34600";
    public const string China = "86138";
    public const string VietNam = "84900";

    public static string New(string prefix) =>
        prefix + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    public static string NewOpenId() => "oLibraryBot" + Guid.NewGuid().ToString("N")[..16];
}
