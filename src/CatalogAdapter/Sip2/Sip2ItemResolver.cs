using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// Turns entries of the 64 lists into items. Most servers list barcodes; Evergreen (by default) lists titles,
/// so an entry the server does not know as a barcode is looked up as a title through the search service and
/// matched against the record's copies. Record ids come from the search service too (SIP2 has none) and are
/// remembered per barcode, since a copy does not move to another record.
/// </summary>
internal sealed class Sip2ItemResolver(Sip2Client client, ICatalogueSearch search, ILogger<Sip2ItemResolver> logger)
{
    private const int MaxRemembered = 10_000;
    private const int TitleCandidates = 5;

    private readonly ConcurrentDictionary<string, string> _recordIdByBarcode = new(StringComparer.Ordinal);

    /// <summary>The item an entry names, or null (logged) when neither the barcode nor the title leads to one.</summary>
    public async Task<Sip2ResolvedItem?> ResolveAsync(string entry, Func<Sip2ItemInformation, bool> wanted, CancellationToken cancellationToken)
    {
        var item = await client.ItemAsync(entry, cancellationToken).ConfigureAwait(false);
        if (item.IsKnown)
        {
            var barcode = item.ItemId.Length > 0 ? item.ItemId : entry;
            return new Sip2ResolvedItem(barcode, item, await RecordIdAsync(barcode, item.Title, cancellationToken).ConfigureAwait(false));
        }

        foreach (var record in await RecordsByTitleAsync(entry, cancellationToken).ConfigureAwait(false))
        {
            foreach (var barcode in record.Holdings.Select(h => h.ItemId).OfType<string>())
            {
                var copy = await client.ItemAsync(barcode, cancellationToken).ConfigureAwait(false);
                if (copy.IsKnown && wanted(copy))
                {
                    Remember(barcode, record.RecordId);
                    return new Sip2ResolvedItem(barcode, copy, record.RecordId);
                }
            }
        }

        Sip2Log.UnresolvedSummaryEntry(logger, Sip2Log.Hash(entry));
        return null;
    }

    /// <summary>The record a copy belongs to, found by its title; empty when the search service does not know it.</summary>
    public async Task<string> RecordIdAsync(string barcode, string title, CancellationToken cancellationToken)
    {
        if (_recordIdByBarcode.TryGetValue(barcode, out var known))
        {
            return known;
        }

        foreach (var record in await RecordsByTitleAsync(title, cancellationToken).ConfigureAwait(false))
        {
            if (record.Holdings.Any(h => h.ItemId == barcode))
            {
                Remember(barcode, record.RecordId);
                return record.RecordId;
            }
        }

        return string.Empty;
    }

    private async Task<IReadOnlyList<CatalogueRecord>> RecordsByTitleAsync(string title, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [];
        }

        var page = await search.SearchAsync(new SearchQuery(title, SearchField.Title, 1, TitleCandidates), cancellationToken).ConfigureAwait(false);
        var records = new List<CatalogueRecord>();
        foreach (var hit in page.Hits.OrderByDescending(h => string.Equals(h.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            if (await search.GetRecordAsync(hit.RecordId, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private void Remember(string barcode, string recordId)
    {
        if (_recordIdByBarcode.Count >= MaxRemembered)
        {
            _recordIdByBarcode.Clear();
        }

        _recordIdByBarcode[barcode] = recordId;
    }
}
