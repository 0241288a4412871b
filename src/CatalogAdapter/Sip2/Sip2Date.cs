using System.Globalization;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>SIP2 dates: <c>YYYYMMDDZZZZHHMMSS</c>, ZZZZ being four spaces for local time.</summary>
internal static class Sip2Date
{
    public const string Blank = "                  ";

    public static string Format(DateTime localTime) =>
        localTime.ToString("yyyyMMdd'    'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the date part of a SIP2 timestamp. Servers differ (Koha sends the full 18 characters, some send
    /// <c>YYYY-MM-DD</c>), so both are accepted; anything else is null.
    /// </summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length >= 8 && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return compact;
        }

        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            ? iso
            : null;
    }
}
