namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>A patron of the demo library (listed in docs/demo-library.md).</summary>
internal sealed record DemoPatron(
    string PatronId, string CardNumber, string Pin, string FirstName, string LastName, string HomeBranch, int ExpiresInDays, int FinesCents);
