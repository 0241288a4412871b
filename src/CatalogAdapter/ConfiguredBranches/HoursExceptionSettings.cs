namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>A date with different hours; no <see cref="Opens"/> means closed all day.</summary>
public sealed class HoursExceptionSettings
{
    public DateOnly Date { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public string? Reason { get; set; }
}
