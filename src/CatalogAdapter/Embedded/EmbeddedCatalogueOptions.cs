namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Settings of the embedded demo library (<c>Catalog:Embedded</c>) and its circulation rules.</summary>
public sealed class EmbeddedCatalogueOptions
{
    public const string SectionName = "Catalog:Embedded";

    /// <summary>The SQLite file; a relative path is resolved against the host's content root.</summary>
    public string Path { get; set; } = "data/demo-library.db";

    /// <summary>The library's time zone (IANA id): "today", due dates and opening hours are in it.</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>ISO 4217 code of the fines.</summary>
    public string Currency { get; set; } = "USD";

    public int LoanPeriodDays { get; set; } = 21;

    public int MaxRenewals { get; set; } = 3;

    /// <summary>A patron owing more than this is blocked from borrowing, renewing and placing holds.</summary>
    public decimal FinesBlockLimit { get; set; } = 10.00m;

    /// <summary>Days a ready hold waits on the hold shelf.</summary>
    public int HoldShelfDays { get; set; } = 7;

    public int MaxHolds { get; set; } = 10;

    /// <summary>Wrong PINs within <see cref="LockoutMinutes"/> that lock a card.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
