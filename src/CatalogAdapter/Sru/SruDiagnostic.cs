namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>An SRU diagnostic, e.g. <c>info:srw/diagnostic/1/16</c> (unsupported index).</summary>
internal sealed record SruDiagnostic(string Uri, string? Details, string? Message)
{
    /// <summary>Diagnostic 61: first record position out of range (a page past the end).</summary>
    public bool IsPastEnd => Uri.EndsWith("/61", StringComparison.Ordinal);
}
