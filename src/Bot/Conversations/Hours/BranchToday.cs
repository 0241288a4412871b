using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>
/// One branch's hours for today in its own time zone, exceptions first: "Central Library is open until 20:00 today",
/// "Riverside Branch is closed on Sundays", "… is closed today (Christmas Day)".
/// </summary>
public static class BranchToday
{
    public static string Describe(Branch branch, TimeProvider clock, BotText text, string locale)
    {
        var now = LibraryClock.Now(clock, branch.TimeZone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var time = TimeOnly.FromDateTime(now.DateTime);
        var exception = branch.Exceptions.FirstOrDefault(e => e.Date == today);
        if (exception is { Opens: null } || exception is { Closes: null })
        {
            return string.IsNullOrWhiteSpace(exception.Reason)
                ? text.Get("Hours.ClosedToday", locale, branch.Name)
                : text.Get("Hours.ClosedException", locale, branch.Name, exception.Reason);
        }

        (TimeOnly Opens, TimeOnly Closes)? hours = exception is not null
            ? (exception.Opens!.Value, exception.Closes!.Value)
            : branch.Weekly.FirstOrDefault(h => h.Day == today.DayOfWeek) is { } weekly ? (weekly.Opens, weekly.Closes) : null;
        if (hours is not var (open, close))
        {
            return text.Get("Hours.ClosedWeekday", locale, branch.Name, DisplayFormats.DayName(today.DayOfWeek, locale));
        }

        var line = time < open ? text.Get("Hours.OpensLater", locale, branch.Name, DisplayFormats.Time(open), DisplayFormats.Time(close))
            : time < close ? text.Get("Hours.OpenUntil", locale, branch.Name, DisplayFormats.Time(close))
            : text.Get("Hours.ClosedNow", locale, branch.Name, DisplayFormats.Time(open), DisplayFormats.Time(close));
        return exception?.Reason is { Length: > 0 } reason ? line + " " + text.Get("Hours.SpecialHours", locale, reason) : line;
    }
}
