namespace LibraryBot.CatalogAdapter;

public enum SearchField
{
    Any,
    Title,
    Author,
    Subject,
    Isbn,
}

/// <summary>A search: the patron's words, which field, and a 1-based page.</summary>
public sealed record SearchQuery(string Terms, SearchField Field = SearchField.Any, int Page = 1, int PageSize = 5);

/// <summary>How many copies are available now out of how many the library holds.</summary>
public sealed record AvailabilitySummary(int Available, int Total);

public sealed record SearchHit(
    string RecordId,
    string Title,
    IReadOnlyList<string> Authors,
    int? Year,
    string? Language,
    string? Format,
    AvailabilitySummary Availability);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;

    /// <summary>The words actually searched when the patron's found nothing and the catalogue corrected a typo ("frankenstien"), else null.</summary>
    public string? CorrectedTerms { get; init; }
}
