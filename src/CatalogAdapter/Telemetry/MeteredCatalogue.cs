namespace LibraryBot.CatalogAdapter.Telemetry;

/// <summary>A catalogue adapter with every call measured by <see cref="CatalogueMetrics"/> (duration, errors, a span).</summary>
internal sealed class MeteredCatalogue(ICatalogue inner, string adapter, CatalogueMetrics metrics) : ICatalogue
{
    /// <summary>The adapter measured.</summary>
    public ICatalogue Inner => inner;

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "search", () => inner.SearchAsync(query, cancellationToken));

    public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "get_record", () => inner.GetRecordAsync(recordId, cancellationToken));

    public Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "authenticate", () => inner.AuthenticateAsync(cardNumberOrUserId, pin, cancellationToken));

    public Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "find_patron", () => inner.FindPatronByCardAsync(cardNumber, cancellationToken));

    public Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "get_account", () => inner.GetAccountAsync(patronId, cancellationToken));

    public Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "renew", () => inner.RenewAsync(patronId, loanId, cancellationToken));

    public Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "renew_all", () => inner.RenewAllAsync(patronId, cancellationToken));

    public Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "place_hold", () => inner.PlaceHoldAsync(patronId, recordId, pickupBranchId, cancellationToken));

    public Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "cancel_hold", () => inner.CancelHoldAsync(patronId, holdId, cancellationToken));

    public Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "get_branches", () => inner.GetBranchesAsync(cancellationToken));

    public Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(adapter, "get_pickup_branches", () => inner.GetPickupBranchesAsync(recordId, patronId, cancellationToken));
}
