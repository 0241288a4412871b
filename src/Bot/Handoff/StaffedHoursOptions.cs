namespace LibraryBot.Bot.Handoff;

/// <summary>
/// <c>Handoff:StaffedHours</c>: <c>Weekly</c> like <c>"Mon-Fri 09:00-17:00; Sat 10:00-13:00"</c> in <c>TimeZone</c>
/// (IANA id), and <c>Holidays</c> like <c>"2026-12-25, 2027-01-01"</c> (no staff all day).
/// </summary>
public sealed class StaffedHoursOptions
{
    public string TimeZone { get; set; } = "UTC";

    public string Weekly { get; set; } = "Mon-Fri 09:00-17:00";

    public string Holidays { get; set; } = string.Empty;
}
