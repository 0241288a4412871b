using LibraryBot.CatalogAdapter.ConfiguredBranches;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Circulation through Koha's REST API (<c>Catalog:Provider=Koha</c>); search and records come from
/// <paramref name="search"/> (SRU), since Koha's API has no full-text search.
/// </summary>
internal sealed class KohaCatalogue(
    IKohaApi api,
    ICatalogueSearch search,
    IOptions<KohaOptions> options,
    IOptions<CatalogBranchesOptions> branchHours,
    TimeProvider time,
    ILogger<KohaCatalogue> logger) : ICatalogue
{
    private readonly KohaLoans _loans = new(new KohaLookups(api, options), logger);

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => search.SearchAsync(query, cancellationToken);

    public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) => search.GetRecordAsync(recordId, cancellationToken);

    public async Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken)
    {
        var response = await KohaHttp.CallAsync(
            () => api.ValidatePasswordAsync(new KohaPasswordValidationRequest(cardNumberOrUserId, pin), cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                KohaLog.LoginRefused(logger, 400);
                return AuthResult.Refused(AuthFailure.WrongCredentials, KohaHttp.ErrorText(response));
            case HttpStatusCode.Unauthorized:
                KohaLog.LoginUnauthorized(logger);
                return AuthResult.Refused(AuthFailure.WrongCredentials, KohaHttp.ErrorText(response));
        }

        var validated = KohaHttp.Body(response, "validate password");
        var patron = await PatronAsync(validated.PatronId, cancellationToken).ConfigureAwait(false);
        var patronId = validated.PatronId.ToString(CultureInfo.InvariantCulture);
        var result = patron switch
        {
            { LoginAttempts: < 0 } => AuthResult.Refused(AuthFailure.LockedOut, Note(patron) ?? "The account is locked."),
            { Restricted: true } => AuthResult.Refused(AuthFailure.Blocked, Note(patron) ?? "The account is restricted."),
            _ when KohaMapper.Date(patron.ExpiryDate) is { } expiry && expiry < Today() =>
                AuthResult.Refused(AuthFailure.Expired, Note(patron) ?? string.Create(CultureInfo.InvariantCulture, $"The card expired on {expiry:yyyy-MM-dd}.")),
            _ => AuthResult.Ok(patronId, FirstName(patron)),
        };
        KohaLog.Authenticated(logger, KohaLog.Hash(patronId), result.Failure?.ToString() ?? "ok");
        return result;
    }

    public async Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var response = await KohaHttp.CallAsync(() => api.ListPatronsByCardAsync(cardNumber.Trim(), "exact", cancellationToken), cancellationToken).ConfigureAwait(false);
        var patron = KohaHttp.Body(response, "find patron by card").FirstOrDefault();
        return patron is null ? null : new PatronIdentity(patron.PatronId.ToString(CultureInfo.InvariantCulture), FirstName(patron));
    }

    public async Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        var patron = await PatronAsync(id, cancellationToken).ConfigureAwait(false);
        var checkouts = await _loans.CheckoutsAsync(id, cancellationToken).ConfigureAwait(false);
        var loans = await Task.WhenAll(checkouts.Select(c => _loans.LoanAsync(c, cancellationToken))).ConfigureAwait(false);
        var holds = await _loans.Lookups.AllPagesAsync<KohaHold>(
            (page, perPage, ct) => api.ListHoldsAsync(id, null, page, perPage, ct), "list holds", cancellationToken).ConfigureAwait(false);
        var titles = await _loans.Lookups.TitlesAsync(holds.Select(h => h.BiblioId), cancellationToken).ConfigureAwait(false);
        var libraries = holds.Count == 0 ? [] : await _loans.Lookups.LibrariesAsync(cancellationToken).ConfigureAwait(false);
        return new PatronAccount(
            patronId,
            FirstName(patron),
            patron.LibraryId,
            loans,
            holds.Select(h => KohaMapper.Hold(h, titles[h.BiblioId] ?? "", libraries)).ToList(),
            patron.AccountBalance ?? 0m,
            options.Value.Currency);
    }

    public async Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        var checkout = await _loans.CheckoutOfPatronAsync(id, loanId, cancellationToken).ConfigureAwait(false);
        return checkout is null
            ? new RenewalOutcome(loanId, "", false, null, OutcomeReason.NotFound)
            : await _loans.RenewAsync(checkout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        var outcomes = new List<RenewalOutcome>();
        foreach (var checkout in await _loans.CheckoutsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(await _loans.RenewAsync(checkout, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    public async Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        if (!KohaHttp.TryParseId(recordId, out var biblioId))
        {
            return new HoldOutcome(false, null, OutcomeReason.NotFound);
        }

        var response = await KohaHttp.CallAsync(
            () => api.AddHoldAsync(new KohaNewHold(id, biblioId, pickupBranchId), cancellationToken), cancellationToken).ConfigureAwait(false);
        var message = KohaHttp.ErrorText(response);
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.BadRequest =>
                new HoldOutcome(false, null, KohaReasons.Hold(KohaHttp.ErrorCode(response)), message),
            HttpStatusCode.NotFound => new HoldOutcome(false, null, OutcomeReason.NotFound, message),
            _ => Placed(KohaHttp.Body(response, "place hold")),
        };
        KohaLog.HoldPlaced(logger, KohaLog.Hash(patronId), biblioId, outcome.Success ? "placed" : outcome.Reason.ToString()!);
        return outcome;
    }

    public async Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        if (!KohaHttp.TryParseId(holdId, out var key))
        {
            return new HoldOutcome(false, holdId, OutcomeReason.NotFound);
        }

        var mine = await KohaHttp.CallAsync(() => api.ListHoldsAsync(id, key, 1, 1, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!KohaHttp.Body(mine, "list holds").Any(h => h.HoldId == key && h.PatronId == id))
        {
            return new HoldOutcome(false, holdId, OutcomeReason.NotFound);
        }

        var response = await KohaHttp.CallAsync(() => api.DeleteHoldAsync(key, cancellationToken), cancellationToken).ConfigureAwait(false);
        var message = KohaHttp.ErrorText(response);
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.Accepted or HttpStatusCode.OK => new HoldOutcome(true, holdId),
            HttpStatusCode.NotFound => new HoldOutcome(false, holdId, OutcomeReason.NotFound, message),
            HttpStatusCode.Forbidden or HttpStatusCode.Conflict => new HoldOutcome(false, holdId, OutcomeReason.HoldNotAllowed, message),
            _ => throw KohaHttp.Failure(response, "cancel hold"),
        };
        KohaLog.HoldCancelled(logger, KohaLog.Hash(patronId), key, outcome.Success ? $"cancelled ({(int)response.StatusCode})" : outcome.Reason.ToString()!);
        return outcome;
    }

    public async Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken)
    {
        var libraries = await _loans.Lookups.LibrariesAsync(cancellationToken).ConfigureAwait(false);
        return libraries.Values.Select(ToBranch).OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken)
    {
        var id = PatronKey(patronId);
        if (!KohaHttp.TryParseId(recordId, out var biblioId))
        {
            throw new CatalogueException(CatalogueErrorKind.NotFound, "Koha record ids are numbers.");
        }

        var places = await _loans.Lookups.AllPagesAsync<KohaLibrary>(
            (page, perPage, ct) => api.ListPickupLocationsAsync(biblioId, id, page, perPage, ct), "list pickup locations", cancellationToken)
            .ConfigureAwait(false);
        return places.Where(l => l.PickupLocation != false && l.NeedsOverride != true).Select(ToBranch).ToList();
    }

    private static HoldOutcome Placed(KohaHold hold) =>
        new(true, hold.HoldId.ToString(CultureInfo.InvariantCulture), QueuePosition: hold.Priority is > 0 ? hold.Priority : null);

    private static string FirstName(KohaPatron patron) =>
        (string.IsNullOrWhiteSpace(patron.PreferredName) ? patron.Firstname : patron.PreferredName)?.Trim() ?? "";

    /// <summary>The library's OPAC note for the patron, shown to them (Koha's own words on restrictions).</summary>
    private static string? Note(KohaPatron patron) => string.IsNullOrWhiteSpace(patron.OpacNotes) ? null : patron.OpacNotes.Trim();

    private static long PatronKey(string patronId) =>
        KohaHttp.TryParseId(patronId, out var id) ? id : throw new CatalogueException(CatalogueErrorKind.NotFound, "Koha patron ids are numbers.");

    private async Task<KohaPatron> PatronAsync(long patronId, CancellationToken cancellationToken)
    {
        var response = await KohaHttp.CallAsync(() => api.GetPatronAsync(patronId, cancellationToken), cancellationToken).ConfigureAwait(false);
        return KohaHttp.Body(response, "get patron");
    }

    private Branch ToBranch(KohaLibrary library) => KohaMapper.Branch(library, branchHours.Value, options.Value.TimeZone);

    private DateOnly Today()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
