namespace LibraryBot.CatalogAdapter;

/// <summary>
/// The library system as the bot sees it. Implementations: Embedded (demo library in SQLite), SIP2, Koha REST,
/// with SRU for search. Failures of the library system surface as <see cref="CatalogueException"/>, never hangs;
/// refusals (a renewal the library will not grant) are outcomes, not exceptions.
/// </summary>
public interface ICatalogue : ICatalogueSearch
{
    /// <summary>Checks a card number (or user id) and PIN (or password). Never throws for wrong credentials.</summary>
    Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken);

    /// <summary>
    /// The patron who holds this card, looked up without a PIN (for staff: the console's pickup notices); null when the
    /// library knows no such card. Never used to sign a patron in.
    /// </summary>
    Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken);

    Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken);

    /// <summary>
    /// The accounts of several patrons at once (the notice run reads them in batches); a patron the library system does
    /// not know is left out. Unless an implementation reads them together, they are read one by one.
    /// </summary>
    async Task<IReadOnlyDictionary<string, PatronAccount>> GetAccountsAsync(IReadOnlyCollection<string> patronIds, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, PatronAccount>(StringComparer.Ordinal);
        foreach (var patronId in patronIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                accounts[patronId] = await GetAccountAsync(patronId, cancellationToken).ConfigureAwait(false);
            }
            catch (CatalogueException ex) when (ex.Kind == CatalogueErrorKind.NotFound)
            {
                // Not a patron of this library (any more): left out.
            }
        }

        return accounts;
    }

    Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken);

    /// <summary>Renews every loan, with one outcome per loan in the order of the patron's loans.</summary>
    Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken);

    Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken);

    Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken);

    /// <summary>Branches where this patron may pick up a hold on this record.</summary>
    Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken);
}
