using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>
/// A parsed searchRetrieveResponse (SRU 1.2 <c>http://www.loc.gov/zing/srw/</c> or 2.0
/// <c>http://docs.oasis-open.org/ns/search-ws/sruResponse</c>; elements are matched by local name).
/// XML is read with DTDs prohibited and no resolver.
/// </summary>
internal sealed record SruResponse(int Total, IReadOnlyList<MarcRecord> Records, IReadOnlyList<SruDiagnostic> Diagnostics)
{
    private static readonly XmlReaderSettings Safe = SafeSettings(async: false);
    private static readonly XmlReaderSettings SafeAsync = SafeSettings(async: true);

    public static async Task<SruResponse> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        XDocument document;
        using (var reader = XmlReader.Create(body, SafeAsync))
        {
            document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "searchRetrieveResponse")
        {
            throw new XmlException($"expected searchRetrieveResponse, got {root?.Name.LocalName ?? "nothing"}");
        }

        var total = int.TryParse(Child(root, "numberOfRecords")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var records = Child(root, "records")?.Elements().Where(e => e.Name.LocalName == "record")
            .Select(r => Child(r, "recordData"))
            .OfType<XElement>()
            .Select(MarcOf)
            .OfType<MarcRecord>()
            .ToList() ?? [];
        var diagnostics = Child(root, "diagnostics")?.Elements()
            .Select(d => new SruDiagnostic(Child(d, "uri")?.Value.Trim() ?? "", Child(d, "details")?.Value, Child(d, "message")?.Value))
            .ToList() ?? [];
        return new SruResponse(total, records, diagnostics);
    }

    /// <summary>The MARC record in a recordData: XML packing (an element) or string packing (escaped text).</summary>
    private static MarcRecord? MarcOf(XElement recordData)
    {
        var record = recordData.Elements().FirstOrDefault();
        if (record is null && !string.IsNullOrWhiteSpace(recordData.Value))
        {
            using var reader = XmlReader.Create(new StringReader(recordData.Value), Safe);
            record = XElement.Load(reader);
        }

        if (record is null)
        {
            return null;
        }

        // A MARCXML collection wrapper around the record is tolerated.
        if (record.Name.LocalName == "collection")
        {
            record = record.Elements().FirstOrDefault(e => e.Name.LocalName == "record");
        }

        return record?.Name.LocalName == "record" ? MarcRecord.FromXml(record) : null;
    }

    /// <summary>No DTD (so no entity expansion), no resolver (so nothing fetched), comments ignored.</summary>
    private static XmlReaderSettings SafeSettings(bool async) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersFromEntities = 0,
        Async = async,
    };

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
