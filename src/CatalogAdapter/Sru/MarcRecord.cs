using System.Xml.Linq;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>One MARC record as read from MARCXML (namespace <c>http://www.loc.gov/MARC21/slim</c> or none).</summary>
internal sealed class MarcRecord
{
    private MarcRecord(string leader, IReadOnlyDictionary<string, string> controls, IReadOnlyList<MarcField> fields)
    {
        Leader = leader;
        Controls = controls;
        Fields = fields;
    }

    public string Leader { get; }

    public IReadOnlyDictionary<string, string> Controls { get; }

    public IReadOnlyList<MarcField> Fields { get; }

    public static MarcRecord FromXml(XElement record)
    {
        var leader = record.Elements().FirstOrDefault(e => e.Name.LocalName == "leader")?.Value ?? "";
        var controls = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<MarcField>();
        foreach (var element in record.Elements())
        {
            var tag = (string?)element.Attribute("tag") ?? "";
            if (element.Name.LocalName == "controlfield")
            {
                controls.TryAdd(tag, element.Value);
            }
            else if (element.Name.LocalName == "datafield")
            {
                var subfields = element.Elements()
                    .Where(s => s.Name.LocalName == "subfield")
                    .Select(s => new MarcSubfield(((string?)s.Attribute("code") ?? " ")[0], s.Value))
                    .ToList();
                fields.Add(new MarcField(tag, subfields));
            }
        }

        return new MarcRecord(leader, controls, fields);
    }

    public IEnumerable<MarcField> All(string tag) => Fields.Where(f => f.Tag == tag);

    public MarcField? First(string tag) => Fields.FirstOrDefault(f => f.Tag == tag);

    public string? Control(string tag) => Controls.TryGetValue(tag, out var value) ? value : null;
}

internal sealed record MarcSubfield(char Code, string Value);

internal sealed record MarcField(string Tag, IReadOnlyList<MarcSubfield> Subfields)
{
    public string? this[char code] => Subfields.FirstOrDefault(s => s.Code == code)?.Value;
}
