using System.Globalization;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Moments as the console shows them: in the library's time zone (<c>Handoff:StaffedHours:TimeZone</c>), short and
/// readable, e.g. "Sat 28 Nov, 11:58" (the year is added when it is not this year's).
/// </summary>
public sealed class LibraryTime(HandoffAvailability availability, TimeProvider clock)
{
    public TimeZoneInfo Zone => availability.Hours.Zone;

    public string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var thisYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).Year;
        return local.ToString(local.Year == thisYear ? "ddd d MMM, HH:mm" : "ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }
}
