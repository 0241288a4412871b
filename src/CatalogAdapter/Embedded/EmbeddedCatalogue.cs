using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// The demo library (<c>Catalog:Provider=Embedded</c>, the default): a real small library in its own SQLite file,
/// created and seeded at first use, with search, accounts, renewals and holds that change the file.
/// </summary>
public sealed class EmbeddedCatalogue : ICatalogue
{
    private readonly EmbeddedDatabase database;
    private readonly EmbeddedSearch search;
    private readonly EmbeddedRecords records;
    private readonly EmbeddedAccounts accounts;
    private readonly EmbeddedCirculation circulation;

    public EmbeddedCatalogue(string path, EmbeddedCatalogueOptions options, TimeProvider time, ILogger<EmbeddedCatalogue> logger)
        : this(new EmbeddedDatabase(path, options, time, logger), logger)
    {
    }

    internal EmbeddedCatalogue(EmbeddedDatabase database, ILogger logger)
    {
        this.database = database;
        var rules = new CirculationRules(database.Options);
        search = new EmbeddedSearch(database, logger);
        records = new EmbeddedRecords(database);
        accounts = new EmbeddedAccounts(database, rules, logger);
        circulation = new EmbeddedCirculation(database, rules, logger);
    }

    /// <summary>The schema version of the file this build reads (kept in <c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => EmbeddedSchema.Version;

    /// <summary>The demo library's SQLite file (what a backup copies).</summary>
    public string DatabasePath => database.Path;

    /// <summary>The library's "today" in its time zone.</summary>
    public DateOnly Today => database.Today;

    /// <summary>Creates and seeds the file if it is missing (otherwise done at first use).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        search.SearchAsync(query, cancellationToken);

    public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        records.GetRecordAsync(recordId, cancellationToken);

    public Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken) =>
        accounts.AuthenticateAsync(cardNumberOrUserId, pin, cancellationToken);

    public Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken) =>
        accounts.FindPatronByCardAsync(cardNumber, cancellationToken);

    public Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken) =>
        accounts.GetAccountAsync(patronId, cancellationToken);

    public Task<IReadOnlyDictionary<string, PatronAccount>> GetAccountsAsync(IReadOnlyCollection<string> patronIds, CancellationToken cancellationToken) =>
        accounts.GetAccountsAsync(patronIds, cancellationToken);

    public Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken) =>
        circulation.RenewAsync(patronId, loanId, cancellationToken);

    public Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken) =>
        circulation.RenewAllAsync(patronId, cancellationToken);

    public Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken) =>
        circulation.PlaceHoldAsync(patronId, recordId, pickupBranchId, cancellationToken);

    public Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken) =>
        circulation.CancelHoldAsync(patronId, holdId, cancellationToken);

    public Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken) =>
        records.GetBranchesAsync(pickupOnly: false, cancellationToken);

    public async Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await EmbeddedAccounts.RequirePatronAsync(connection, null, patronId, cancellationToken);
        }

        return await records.GetRecordAsync(recordId, cancellationToken) is { } record && record.Holdings.Any(h => h.Status != ItemStatus.NotForLoan)
            ? await records.GetBranchesAsync(pickupOnly: true, cancellationToken)
            : [];
    }
}
