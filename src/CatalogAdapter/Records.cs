namespace LibraryBot.CatalogAdapter;

public enum ItemStatus
{
    Available,
    OnLoan,
    InTransit,
    OnHoldShelf,
    NotForLoan,
    Unknown,
}

/// <summary>One copy at one branch.</summary>
public sealed record Holding(
    string BranchId,
    string BranchName,
    string? ItemId,
    ItemStatus Status,
    DateOnly? DueDate,
    string? CallNumber);

public sealed record CatalogueRecord(
    string RecordId,
    string Title,
    IReadOnlyList<string> Authors,
    int? Year,
    string? Language,
    string? Format,
    string? Isbn,
    string? Publisher,
    IReadOnlyList<Holding> Holdings)
{
    public AvailabilitySummary Availability =>
        new(Holdings.Count(h => h.Status == ItemStatus.Available), Holdings.Count);
}
