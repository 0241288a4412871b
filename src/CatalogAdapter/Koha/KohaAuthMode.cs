namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>How LibraryBot authenticates to Koha's REST API.</summary>
public enum KohaAuthMode
{
    /// <summary>HTTP Basic with a staff user (Koha system preference <c>RESTBasicAuth</c> must be on).</summary>
    Basic,
    /// <summary>OAuth2 client credentials (<c>POST {BaseUrl}/oauth/token</c>, system preference <c>RESTOAuth2ClientCredentials</c>).</summary>
    OAuth2,
}
