using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>
/// One branch's hours on a day, in its own time zone, exceptions first. Today: "Central Library is open until 20:00
/// today", "… opens today at 10:00", "… is closed today (Christmas Day)". Another day: "On Sunday, November 30,
/// Central Library is open 10:00–17:00", "… is closed".
/// </summary>
public static class BranchHours
{
    public static string Describe(Branch branch, TimeProvider clock, TurnContext context, DateOnly? day = null) =>
        Describe(branch, clock, context.Text, context.Locale, day);

    public static string Describe(Branch branch, TimeProvider clock, BotText text, string locale, DateOnly? day = null)
    {
        var now = LibraryClock.Now(clock, branch.TimeZone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var date = day ?? today;
        var exception = branch.Exceptions.FirstOrDefault(e => e.Date == date);
        var hours = exception is not null
            ? exception is { Opens: { } o, Closes: { } c } ? (o, c) : ((TimeOnly, TimeOnly)?)null
            : branch.Weekly.FirstOrDefault(h => h.Day == date.DayOfWeek) is { } weekly ? (weekly.Opens, weekly.Closes) : null;
        return date == today ? Today(branch, text, locale, date, TimeOnly.FromDateTime(now.DateTime), exception, hours) : OtherDay(branch, text, locale, date, exception, hours);
    }

    private static string Today(Branch branch, BotText text, string locale, DateOnly date, TimeOnly time, HoursException? exception, (TimeOnly Opens, TimeOnly Closes)? hours)
    {
        if (hours is not var (open, close))
        {
            return exception is not null
                ? string.IsNullOrWhiteSpace(exception.Reason) ? text.Format("Hours.ClosedToday", locale, branch.Name) : text.Format("Hours.ClosedException", locale, branch.Name, exception.Reason)
                : text.Format("Hours.ClosedWeekday", locale, branch.Name, DisplayFormats.DayName(date.DayOfWeek, locale));
        }

        var line = time < open ? text.Format("Hours.OpensLater", locale, branch.Name, DisplayFormats.Time(open), DisplayFormats.Time(close))
            : time < close ? text.Format("Hours.OpenUntil", locale, branch.Name, DisplayFormats.Time(close))
            : text.Format("Hours.ClosedNow", locale, branch.Name, DisplayFormats.Time(open), DisplayFormats.Time(close));
        return exception?.Reason is { Length: > 0 } reason ? line + " " + text.Format("Hours.SpecialHours", locale, reason) : line;
    }

    private static string OtherDay(Branch branch, BotText text, string locale, DateOnly date, HoursException? exception, (TimeOnly Opens, TimeOnly Closes)? hours)
    {
        var day = DisplayFormats.DayName(date.DayOfWeek, locale);
        if (hours is not var (open, close))
        {
            return exception?.Reason is { Length: > 0 } reason
                ? text.Format("Hours.DayClosedException", locale, day, date, branch.Name, reason)
                : text.Format("Hours.DayClosed", locale, day, date, branch.Name);
        }

        var line = text.Format("Hours.DayOpen", locale, day, date, branch.Name, DisplayFormats.Time(open), DisplayFormats.Time(close));
        return exception?.Reason is { Length: > 0 } special ? line + " " + text.Format("Hours.DaySpecialHours", locale, special) : line;
    }
}
