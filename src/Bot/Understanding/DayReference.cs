namespace LibraryBot.Bot.Understanding;

/// <summary>A day the patron named: today, tomorrow, or a day of the week ("on sunday", "el sábado", "周日", "chủ nhật").</summary>
public sealed record DayReference(int DaysFromToday, DayOfWeek? Weekday)
{
    public static readonly DayReference Today = new(0, null);
    public static readonly DayReference Tomorrow = new(1, null);

    /// <summary>The date this reference means, counted from the library's today.</summary>
    public DateOnly Resolve(DateOnly today)
    {
        if (Weekday is not { } day)
        {
            return today.AddDays(DaysFromToday);
        }

        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead);
    }
}
