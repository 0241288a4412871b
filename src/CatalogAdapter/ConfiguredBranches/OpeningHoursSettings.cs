namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>Regular hours for one day, e.g. <c>{ "Day": "Monday", "Opens": "09:00", "Closes": "17:00" }</c>.</summary>
public sealed class OpeningHoursSettings
{
    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
