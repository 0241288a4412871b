using LibraryBot.CatalogAdapter.ConfiguredBranches;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// <see cref="ICatalogue"/> over SIP2. Patron ids are card numbers (<c>AA</c>), loan and hold ids are item barcodes
/// (<c>AB</c>). Search and records come from the injected <see cref="ICatalogueSearch"/> (SRU or Embedded), and
/// branches from configuration, because SIP2 has neither.
/// </summary>
internal sealed class Sip2Catalogue(
    Sip2Client client,
    Sip2ItemResolver items,
    ICatalogueSearch search,
    IOptions<Sip2Options> options,
    IOptions<CatalogBranchesOptions> branches,
    TimeProvider time,
    ILogger<Sip2Catalogue> logger) : ICatalogue
{
    private readonly Sip2Options _options = options.Value;
    private readonly IReadOnlyList<Branch> _branches = [.. branches.Value.Branches.Select(b => b.ToBranch())];
    private readonly HashSet<string> _pickup = [.. branches.Value.Branches.Where(b => b.Pickup).Select(b => b.Id)];

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => search.SearchAsync(query, cancellationToken);

    public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) => search.GetRecordAsync(recordId, cancellationToken);

    public Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken) => Task.FromResult(_branches);

    /// <summary>The configured pickup branches, or none when the record has no copy that can be lent.</summary>
    public async Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken) =>
        await search.GetRecordAsync(recordId, cancellationToken).ConfigureAwait(false) is { } record
            && record.Holdings.Any(h => h.ItemId is not null && h.Status != ItemStatus.NotForLoan)
                ? [.. _branches.Where(b => _pickup.Contains(b.BranchId))]
                : [];

    public async Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken)
    {
        var patron = await client.PatronAsync(cardNumberOrUserId, pin, cancellationToken).ConfigureAwait(false);
        AuthFailure? failure = patron switch
        {
            { ValidPatron: false } => AuthFailure.WrongCredentials,
            { ValidPassword: not true } => AuthFailure.WrongCredentials, // a server that did not check the PIN does not sign anyone in
            { IsBlocked: true } => AuthFailure.Blocked,
            { Expires: { } expires } when expires < Today => AuthFailure.Expired,
            _ => null,
        };
        if (failure is { } refused)
        {
            Sip2Log.PatronRefused(logger, Sip2Log.Hash(cardNumberOrUserId), refused);
            return AuthResult.Refused(refused, patron.ScreenMessage);
        }

        var patronId = patron.PatronId.Length > 0 ? patron.PatronId : cardNumberOrUserId;
        return AuthResult.Ok(patronId, FirstName(patron.PersonalName));
    }

    /// <summary>A 63 without a PIN: the server says whether the patron is valid (BL), or at least names them.</summary>
    public async Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var patron = await client.PatronAsync(cardNumber.Trim(), null, cancellationToken).ConfigureAwait(false);
        if (patron.ValidPatron == false || (patron.ValidPatron is null && string.IsNullOrWhiteSpace(patron.PersonalName)))
        {
            return null;
        }

        return new PatronIdentity(patron.PatronId.Length > 0 ? patron.PatronId : cardNumber.Trim(), FirstName(patron.PersonalName));
    }

    public async Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken)
    {
        var (patron, charged) = await client.PatronListAsync(patronId, Sip2Requests.ChargedItems, cancellationToken).ConfigureAwait(false);
        if (patron.ValidPatron == false)
        {
            throw new CatalogueException(CatalogueErrorKind.NotFound, "The SIP2 server does not know this patron.");
        }

        var (_, holdEntries) = await client.PatronListAsync(patronId, Sip2Requests.HoldItems, cancellationToken).ConfigureAwait(false);
        var (_, unavailable) = await client.PatronListAsync(patronId, Sip2Requests.UnavailableHoldItems, cancellationToken).ConfigureAwait(false);

        var loans = new List<Loan>();
        foreach (var entry in charged)
        {
            if (await items.ResolveAsync(entry, i => i.CirculationStatus == Sip2ItemInformation.Charged, cancellationToken).ConfigureAwait(false) is { } loan)
            {
                loans.Add(ToLoan(loan));
            }
        }

        // Koha lists every hold under AS and the unavailable ones again under CD; a hold in CD is still waiting.
        var waiting = unavailable.ToHashSet(StringComparer.Ordinal);
        var holds = new List<Hold>();
        foreach (var entry in holdEntries.Concat(unavailable).Distinct(StringComparer.Ordinal))
        {
            var ready = !waiting.Contains(entry);
            if (await items.ResolveAsync(entry, _ => true, cancellationToken).ConfigureAwait(false) is { } hold)
            {
                holds.Add(ToHold(hold, ready, patron.HomeLibrary));
            }
        }

        return new PatronAccount(
            patronId,
            FirstName(patron.PersonalName),
            patron.HomeLibrary,
            loans,
            holds,
            patron.FeeAmount ?? 0m,
            patron.Currency ?? _options.Currency);
    }

    public async Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken)
    {
        var answer = await client.RenewAsync(patronId, loanId, null, cancellationToken).ConfigureAwait(false);
        var title = answer.Title;
        var due = answer.DueDate;
        if (title.Length == 0 || (answer.Ok && due is null))
        {
            var item = await client.ItemAsync(loanId, cancellationToken).ConfigureAwait(false);
            title = title.Length > 0 ? title : item.Title;
            due ??= answer.Ok ? item.DueDate : null;
        }

        if (answer.Ok)
        {
            return new RenewalOutcome(loanId, title, true, due ?? throw new CatalogueException(CatalogueErrorKind.Protocol, "The SIP2 server renewed the item but gave no due date."));
        }

        var reason = Sip2Reasons.ForRenewal(answer.ScreenMessage);
        Sip2Log.RenewalRefused(logger, Sip2Log.Hash(loanId), reason);
        return new RenewalOutcome(loanId, title, false, null, reason, answer.ScreenMessage);
    }

    public async Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken)
    {
        // 65 only lists barcodes renewed or not; one 29 per loan gives each refusal its reason.
        var account = await GetAccountAsync(patronId, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<RenewalOutcome>(account.Loans.Count);
        foreach (var loan in account.Loans)
        {
            var outcome = await RenewAsync(patronId, loan.LoanId, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome.Title.Length > 0 ? outcome : outcome with { Title = loan.Title });
        }

        return outcomes;
    }

    public async Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken)
    {
        if (await HoldsRefusedAsync(cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var record = await search.GetRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
        var barcode = record?.Holdings.Select(h => h.ItemId).OfType<string>().FirstOrDefault();
        if (record is null || barcode is null)
        {
            return new HoldOutcome(false, null, OutcomeReason.NotFound, record is null ? "No such record." : "The library has no copy of this record to hold.");
        }

        var answer = await client.HoldAsync('+', patronId, barcode, record.Title, pickupBranchId, cancellationToken).ConfigureAwait(false);
        return answer.Ok
            ? new HoldOutcome(true, answer.ItemId ?? barcode, QueuePosition: answer.QueuePosition, LibraryMessage: answer.ScreenMessage)
            : Refused('+', answer.ScreenMessage);
    }

    public async Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken)
    {
        if (await HoldsRefusedAsync(cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var answer = await client.HoldAsync('-', patronId, holdId, null, null, cancellationToken).ConfigureAwait(false);
        return answer.Ok ? new HoldOutcome(true, holdId, LibraryMessage: answer.ScreenMessage) : Refused('-', answer.ScreenMessage);
    }

    /// <summary>FOLIO's edge-sip2 marks hold (15) unsupported in <c>BX</c>: say so instead of sending it.</summary>
    private async Task<HoldOutcome?> HoldsRefusedAsync(CancellationToken cancellationToken)
    {
        var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
        return status.Supports(Sip2AcsStatus.HoldPosition)
            ? null
            : Refused('+', status.ScreenMessage ?? "This library's system does not take holds through SIP2.", OutcomeReason.HoldNotAllowed);
    }

    private HoldOutcome Refused(char mode, string? screenMessage, OutcomeReason? reason = null)
    {
        var normalised = reason ?? Sip2Reasons.ForHold(screenMessage);
        Sip2Log.HoldRefused(logger, mode, normalised);
        return new HoldOutcome(false, null, normalised, screenMessage);
    }

    private Loan ToLoan(Sip2ResolvedItem resolved)
    {
        var item = resolved.Item;
        int? left = _options.RenewalsLeftField is { } field
            && int.TryParse(item.Extra(field), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        OutcomeReason? notRenewable = item.HoldQueueLength > 0 ? OutcomeReason.OnHoldForAnotherPatron
            : left == 0 ? OutcomeReason.TooManyRenewals
            : null;
        var due = item.DueDate ?? throw new CatalogueException(CatalogueErrorKind.Protocol, "The SIP2 server gave no due date (AH) for a charged item.");
        return new Loan(resolved.Barcode, resolved.RecordId, item.Title, resolved.Barcode, due, 0, left, notRenewable is null, notRenewable, null);
    }

    private Hold ToHold(Sip2ResolvedItem resolved, bool ready, string? homeLibrary)
    {
        var item = resolved.Item;
        // SIP2 has no pickup place per hold: a ready copy sits at its pickup branch (AP); a waiting one goes to the patron's home branch.
        var pickup = (ready ? item.CurrentLocation : null) ?? homeLibrary ?? item.CurrentLocation ?? string.Empty;
        return new Hold(
            resolved.Barcode,
            resolved.RecordId,
            item.Title,
            ready ? HoldStatus.Ready : HoldStatus.Waiting,
            pickup,
            _branches.FirstOrDefault(b => b.BranchId == pickup)?.Name,
            ready ? item.HoldPickupDate : null,
            null);
    }

    /// <summary><c>AE</c> is "Last, First" on some systems and "First Last" on others.</summary>
    private static string FirstName(string personalName)
    {
        var comma = personalName.IndexOf(',', StringComparison.Ordinal);
        var name = (comma >= 0 ? personalName[(comma + 1)..] : personalName).Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? name[..space] : name;
    }
}
