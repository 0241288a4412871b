namespace LibraryBot.CatalogAdapter;

/// <summary>Which library system the bot talks to (<c>Catalog</c> section).</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Circulation backend: <c>Embedded</c> (default, the demo library), <c>Sip2</c> or <c>Koha</c>.</summary>
    public string Provider { get; set; } = CatalogueProviders.Embedded;

    /// <summary>Search backend: <c>Default</c> (the provider's own search) or <c>Sru</c>.</summary>
    public string Search { get; set; } = CatalogueProviders.DefaultSearch;
}
