namespace LibraryBot.CatalogAdapter;

/// <summary>The accepted values of <c>Catalog:Provider</c> and <c>Catalog:Search</c>.</summary>
public static class CatalogueProviders
{
    public const string Embedded = "Embedded";
    public const string Sip2 = "Sip2";
    public const string Koha = "Koha";

    public const string DefaultSearch = "Default";
    public const string Sru = "Sru";

    public static IReadOnlyList<string> Providers { get; } = [Embedded, Sip2, Koha];

    public static IReadOnlyList<string> Searches { get; } = [DefaultSearch, Sru];
}
