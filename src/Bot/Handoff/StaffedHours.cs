using System.Globalization;

namespace LibraryBot.Bot.Handoff;

/// <summary>When librarians answer: weekly windows in the library's time zone, minus holidays.</summary>
public sealed class StaffedHours
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private readonly List<(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes)> _windows;
    private readonly HashSet<DateOnly> _holidays;

    private StaffedHours(TimeZoneInfo zone, List<(DayOfWeek, TimeSpan, TimeSpan)> windows, HashSet<DateOnly> holidays)
    {
        Zone = zone;
        _windows = windows;
        _holidays = holidays;
    }

    public TimeZoneInfo Zone { get; }

    public static StaffedHours Parse(StaffedHoursOptions options) =>
        TryParse(options, out var hours, out var error) ? hours! : throw new FormatException(error);

    public static bool TryParse(StaffedHoursOptions options, out StaffedHours? hours, out string? error)
    {
        hours = null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out var zone))
        {
            error = $"TimeZone '{options.TimeZone}' is not a known time zone id (e.g. Europe/Madrid)";
            return false;
        }

        var windows = new List<(DayOfWeek, TimeSpan, TimeSpan)>();
        foreach (var part in (options.Weekly ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseWindow(part, windows))
            {
                error = $"Weekly: '{part}' is not like 'Mon-Fri 09:00-17:00'";
                return false;
            }
        }

        var holidays = new HashSet<DateOnly>();
        foreach (var part in (options.Holidays ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"Holidays: '{part}' is not a date like 2026-12-25";
                return false;
            }

            holidays.Add(date);
        }

        error = null;
        hours = new StaffedHours(zone, windows, holidays);
        return true;
    }

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return !_holidays.Contains(date)
            && _windows.Any(w => w.Day == local.DayOfWeek && local.TimeOfDay >= w.Opens && local.TimeOfDay < w.Closes);
    }

    /// <summary>The next moment staff are in (now when open); null when no hours are configured in the next 60 days.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        for (var offset = 0; offset <= 60; offset++)
        {
            var day = local.Date.AddDays(offset);
            if (_holidays.Contains(DateOnly.FromDateTime(day)))
            {
                continue;
            }

            foreach (var window in _windows.Where(w => w.Day == day.DayOfWeek).OrderBy(w => w.Opens))
            {
                var opens = day + window.Opens;
                if (opens > local.DateTime)
                {
                    return new DateTimeOffset(opens, Zone.GetUtcOffset(opens));
                }
            }
        }

        return null;
    }

    private static bool TryParseWindow(string text, List<(DayOfWeek, TimeSpan, TimeSpan)> windows)
    {
        var pieces = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length != 2)
        {
            return false;
        }

        var days = pieces[0].Split('-');
        var times = pieces[1].Split('-');
        if (days.Length is < 1 or > 2 || times.Length != 2
            || !TryDay(days[0], out var first) || !TryDay(days[^1], out var last)
            || !TryTime(times[0], out var opens) || !TryTime(times[1], out var closes) || closes <= opens)
        {
            return false;
        }

        for (var d = first; ; d = (d + 1) % 7)
        {
            windows.Add(((DayOfWeek)d, opens, closes));
            if (d == last)
            {
                return true;
            }
        }
    }

    private static bool TryDay(string text, out int day)
    {
        day = Array.FindIndex(DayNames, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return day >= 0;
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        var ok = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        time = parsed.ToTimeSpan();
        return ok;
    }
}
