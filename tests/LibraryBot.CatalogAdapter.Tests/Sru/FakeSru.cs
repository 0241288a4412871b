using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LibraryBot.CatalogAdapter.Tests.Koha;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

/// <summary>
/// An SRU 1.2 server over a MARCXML collection (Payloads/koha-catalogue.xml), for contract tests that need
/// holdings yaz-ztest does not have. It reads the single-clause CQL LibraryBot sends (<c>index relation "term"</c>
/// with backslash escapes): <c>rec.id</c> matches 999 $c, other indexes match records containing every word.
/// </summary>
internal sealed partial class FakeSru
{
    private static readonly XNamespace Marc = "http://www.loc.gov/MARC21/slim";
    private readonly List<XElement> _records = XDocument.Load(TestPaths.Payload("Sru", "koha-catalogue.xml")).Root!.Elements(Marc + "record").ToList();

    public HttpResponseMessage Handle(HttpRequestMessage request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var clause = Clause().Match(query["query"] ?? "");
        if (!clause.Success)
        {
            return Answer(0, [], "info:srw/diagnostic/1/10");
        }

        var index = clause.Groups["index"].Value;
        var term = Regex.Replace(clause.Groups["term"].Value, @"\\(.)", "$1");
        var matches = index == "rec.id"
            ? _records.Where(r => Subfield(r, "999", "c").Contains(term)).ToList()
            : _records.Where(r => Words(term).All(w => Text(r).Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        var start = int.Parse(query["startRecord"] ?? "1", CultureInfo.InvariantCulture);
        var max = int.Parse(query["maximumRecords"] ?? "10", CultureInfo.InvariantCulture);
        return start > matches.Count && matches.Count > 0
            ? Answer(matches.Count, [], "info:srw/diagnostic/1/61")
            : Answer(matches.Count, matches.Skip(start - 1).Take(max), null);
    }

    private static HttpResponseMessage Answer(int total, IEnumerable<XElement> records, string? diagnostic)
    {
        XNamespace zs = "http://www.loc.gov/zing/srw/";
        var root = new XElement(zs + "searchRetrieveResponse",
            new XElement(zs + "version", "1.2"),
            new XElement(zs + "numberOfRecords", total),
            new XElement(zs + "records", records.Select(r => new XElement(zs + "record",
                new XElement(zs + "recordSchema", "marcxml"),
                new XElement(zs + "recordPacking", "xml"),
                new XElement(zs + "recordData", new XElement(r))))));
        if (diagnostic is not null)
        {
            XNamespace diag = "http://www.loc.gov/zing/srw/diagnostic/";
            root.Add(new XElement(zs + "diagnostics", new XElement(diag + "diagnostic", new XElement(diag + "uri", diagnostic))));
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(new XDocument(root).ToString(), Encoding.UTF8, "text/xml"),
        };
    }

    private static IEnumerable<string> Subfield(XElement record, string tag, string code) =>
        record.Elements(Marc + "datafield").Where(f => (string?)f.Attribute("tag") == tag)
            .SelectMany(f => f.Elements(Marc + "subfield").Where(s => (string?)s.Attribute("code") == code).Select(s => s.Value));

    private static string Text(XElement record) => string.Join(' ', record.Elements(Marc + "datafield")
        .Where(f => (string?)f.Attribute("tag") is "100" or "245" or "650" or "700")
        .Select(f => f.Value));

    private static string[] Words(string term) => term.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^(?<index>[A-Za-z.]+) (?<rel>all|=|any|adj) \"(?<term>(?:[^\"\\\\]|\\\\.)*)\"$")]
    private static partial Regex Clause();
}
