namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>An entry of a 64 list matched to an item: its barcode, its 18 answer and the record it belongs to.</summary>
internal sealed record Sip2ResolvedItem(string Barcode, Sip2ItemInformation Item, string RecordId);
