namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Settings under <c>Catalog:Koha</c>.</summary>
public sealed class KohaOptions
{
    public const string SectionName = "Catalog:Koha";

    /// <summary>The REST API root, e.g. <c>https://koha.example.org/api/v1</c> (a Prism mock serves at its root).</summary>
    public string BaseUrl { get; set; } = "";

    public KohaAuthMode AuthMode { get; set; } = KohaAuthMode.Basic;

    /// <summary>Staff user for <see cref="KohaAuthMode.Basic"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>API client id for <see cref="KohaAuthMode.OAuth2"/>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Budget for one call to Koha, retries included.</summary>
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>Page size for list calls (<c>_per_page</c>).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Currency of fines, as ISO 4217 (Koha's API does not say).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Time zone of branches that <c>Catalog:Branches</c> does not describe.</summary>
    public string TimeZone { get; set; } = "UTC";
}
