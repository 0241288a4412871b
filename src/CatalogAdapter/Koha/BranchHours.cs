namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Opening hours of one branch from configuration (<c>Catalog:Branches:{branchId}</c>), for library systems
/// whose API gives none. Times are "HH:mm"; dates "yyyy-MM-dd".
/// </summary>
public sealed class BranchHours
{
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
