namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Opening hours of one branch from configuration (an entry of <c>Catalog:Branches</c>), for library systems
/// whose API gives none. Times are "HH:mm"; dates "yyyy-MM-dd". Other keys of the entry (name, address) are ignored:
/// Koha gives those.
/// </summary>
public sealed class BranchHours
{
    /// <summary>The branch id (Koha's <c>library_id</c>).</summary>
    public string Id { get; set; } = "";

    public string? TimeZone { get; set; }

    public List<OpeningHoursSetting> Weekly { get; set; } = [];

    public List<HoursExceptionSetting> Exceptions { get; set; } = [];

    public sealed class OpeningHoursSetting
    {
        public DayOfWeek Day { get; set; }
        public TimeOnly Opens { get; set; }
        public TimeOnly Closes { get; set; }
    }

    public sealed class HoursExceptionSetting
    {
        public DateOnly Date { get; set; }
        public TimeOnly? Opens { get; set; }
        public TimeOnly? Closes { get; set; }
        public string? Reason { get; set; }
    }
}
