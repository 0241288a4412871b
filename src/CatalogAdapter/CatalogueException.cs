namespace LibraryBot.CatalogAdapter;

public enum CatalogueErrorKind
{
    /// <summary>The library system cannot be reached or answered with a server error.</summary>
    Unavailable,
    /// <summary>The library system did not answer in time.</summary>
    Timeout,
    /// <summary>The library system answered something we cannot understand.</summary>
    Protocol,
    /// <summary>Our own credentials for the library system were refused.</summary>
    Unauthorized,
    /// <summary>The patron, record, loan or hold does not exist.</summary>
    NotFound,
}

/// <summary>A failure of the library system (not a refusal: those are outcomes).</summary>
public sealed class CatalogueException(CatalogueErrorKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CatalogueErrorKind Kind { get; } = kind;
}
