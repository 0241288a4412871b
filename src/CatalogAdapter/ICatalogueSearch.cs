namespace LibraryBot.CatalogAdapter;

/// <summary>
/// Search and record lookup: the part of a catalogue that SRU can provide on its own, so SIP2 and Koha
/// (which have no full-text search) can be combined with it (<c>Catalog:Search=Sru</c>).
/// </summary>
public interface ICatalogueSearch
{
    Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>A record with holdings per branch, or null when there is no such record.</summary>
    Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken);
}
