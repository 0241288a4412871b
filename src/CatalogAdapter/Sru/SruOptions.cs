namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>Settings under <c>Catalog:Sru</c> (<c>Catalog:Search=Sru</c>).</summary>
public sealed class SruOptions
{
    public const string SectionName = "Catalog:Sru";

    /// <summary>The SRU endpoint, e.g. <c>https://koha.example.org:9999/biblios</c> (Koha's Zebra) or <c>http://host:2100/Default</c>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary><c>1.2</c> or <c>2.0</c>.</summary>
    public string Version { get; set; } = "1.2";

    public string RecordSchema { get; set; } = "marcxml";

    /// <summary>Budget for one search, retries included.</summary>
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>CQL relation for the patron's words: <c>all</c> (every word, any order), <c>=</c>, or <c>adj</c> (phrase).</summary>
    public string WordRelation { get; set; } = "all";

    /// <summary>CQL index per search field (keys: any, title, author, subject, isbn, id). Entries given in configuration replace these.</summary>
    public Dictionary<string, string> IndexMap { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["any"] = "cql.serverChoice",
        ["title"] = "dc.title",
        ["author"] = "dc.creator",
        ["subject"] = "dc.subject",
        ["isbn"] = "bath.isbn",
        ["id"] = "rec.id",
    };

    /// <summary>Where the record id is in MARC: a control field (<c>001</c>) or tag+subfield (<c>999c</c>, Koha's biblionumber).</summary>
    public string IdField { get; set; } = "001";

    /// <summary>Display names of branch codes found in holdings (952 $a/$b, 852 $b); unlisted codes show as themselves.</summary>
    public Dictionary<string, string> BranchNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
