namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>A row of <c>patrons</c>, as the circulation rules need it.</summary>
internal sealed class PatronRow
{
    public string PatronId { get; init; } = string.Empty;
    public string FirstName { get; init; } = string.Empty;
    public string? HomeBranch { get; init; }
    public string Expires { get; init; } = string.Empty;
    public long FinesCents { get; init; }
    public string? PinHash { get; init; }

    public const string Columns =
        "patron_id AS PatronId, first_name AS FirstName, home_branch AS HomeBranch, expires AS Expires, fines_cents AS FinesCents, pin_hash AS PinHash";

    public DateOnly ExpiresOn => EmbeddedDatabase.ParseDate(Expires);

    public decimal Fines => FinesCents / 100m;
}
