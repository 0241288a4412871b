namespace LibraryBot.CatalogAdapter.Telemetry;

/// <summary>A search backend (SRU) with every call measured by <see cref="CatalogueMetrics"/>.</summary>
internal sealed class MeteredCatalogueSearch(ICatalogueSearch inner, string adapter, CatalogueMetrics metrics) : ICatalogueSearch
{
    /// <summary>The search backend measured.</summary>
    public ICatalogueSearch Inner => inner;

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "search", () => inner.SearchAsync(query, cancellationToken));

    public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "get_record", () => inner.GetRecordAsync(recordId, cancellationToken));
}
