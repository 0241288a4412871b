using System.Globalization;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Library-time hours when the bot does not speak first ("21:00-08:00", possibly across midnight): notices and
/// broadcasts wait until they end. One parser and one rule for both settings.
/// </summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public const string Example = "21:00-08:00";

    /// <summary>The hours in the setting, or null when it is empty; throws on a malformed setting.</summary>
    public static QuietHours? Parse(string? setting, string settingName) =>
        string.IsNullOrWhiteSpace(setting) ? null
        : TryParse(setting, out var hours) ? hours
        : throw new FormatException($"{settingName} must look like {Example}.");

    /// <summary>Whether the setting is empty (none) or two different times like 21:00-08:00.</summary>
    public static bool IsValidSetting(string? setting) => string.IsNullOrWhiteSpace(setting) || TryParse(setting, out _);

    /// <summary>When the quiet hours around <paramref name="local"/> end, or null when it is not within them.</summary>
    public DateTimeOffset? Until(DateTimeOffset local)
    {
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inQuiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inQuiet)
        {
            return null;
        }

        var endDate = time >= End ? local.Date.AddDays(1) : local.Date;
        return new DateTimeOffset(endDate.Add(End.ToTimeSpan()), local.Offset);
    }

    private static bool TryParse(string setting, out QuietHours hours)
    {
        hours = default;
        if (setting.Split('-', StringSplitOptions.TrimEntries) is not [var a, var b]
            || !TimeOnly.TryParseExact(a, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(b, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
        {
            return false;
        }

        hours = new QuietHours(start, end);
        return true;
    }
}
