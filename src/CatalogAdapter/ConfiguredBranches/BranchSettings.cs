namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>
/// One branch under <c>Catalog:Branches</c>. <see cref="Id"/> is the library system's code for it (SIP2: the location
/// code in <c>AQ</c>, <c>AP</c>, <c>BS</c>; Koha: <c>library_id</c>). Times are "HH:mm"; dates "yyyy-MM-dd".
/// </summary>
public sealed class BranchSettings
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>IANA time zone, for example <c>America/Chicago</c>; when empty, the adapter's default (UTC for SIP2).</summary>
    public string? TimeZone { get; set; }

    /// <summary>Whether holds may be picked up here.</summary>
    public bool Pickup { get; set; } = true;

    public List<OpeningHoursSettings> Weekly { get; set; } = [];

    public List<HoursExceptionSettings> Exceptions { get; set; } = [];

    public IReadOnlyList<OpeningHours> WeeklyHours() => [.. Weekly.Select(h => new OpeningHours(h.Day, h.Opens, h.Closes))];

    public IReadOnlyList<HoursException> ExceptionHours() => [.. Exceptions.Select(e => new HoursException(e.Date, e.Opens, e.Closes, e.Reason))];

    public Branch ToBranch() => new(Id, Name, Address, Phone, Latitude, Longitude, TimeZone ?? "UTC", WeeklyHours(), ExceptionHours());
}
