namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// One branch under <c>Catalog:Branches</c> (SIP2 cannot list branches). <see cref="Id"/> is the location code the
/// SIP2 server uses (<c>AQ</c>, <c>AP</c>, <c>BS</c>).
/// </summary>
public sealed class BranchSettings
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>IANA time zone, for example <c>America/Chicago</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether holds may be picked up here.</summary>
    public bool Pickup { get; set; } = true;

    public List<OpeningHoursSettings> Weekly { get; set; } = [];

    public List<HoursExceptionSettings> Exceptions { get; set; } = [];

    public Branch ToBranch() => new(
        Id,
        Name,
        Address,
        Phone,
        Latitude,
        Longitude,
        TimeZone,
        [.. Weekly.Select(h => new OpeningHours(h.Day, h.Opens, h.Closes))],
        [.. Exceptions.Select(e => new HoursException(e.Date, e.Opens, e.Closes, e.Reason))]);
}
