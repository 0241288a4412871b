using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Checkouts: listing them as <see cref="Loan"/>s and renewing them.</summary>
internal sealed class KohaLoans(KohaLookups lookups, ILogger logger)
{
    public KohaLookups Lookups => lookups;

    public Task<List<KohaCheckout>> CheckoutsAsync(long patronId, CancellationToken cancellationToken) =>
        lookups.AllPagesAsync<KohaCheckout>(
            (page, perPage, ct) => lookups.Api.ListCheckoutsAsync(patronId, page, perPage, ct), "list checkouts", cancellationToken);

    /// <summary>The checkout, if it exists and belongs to this patron.</summary>
    public async Task<KohaCheckout?> CheckoutOfPatronAsync(long patronId, string loanId, CancellationToken cancellationToken)
    {
        if (!KohaHttp.TryParseId(loanId, out var checkoutId))
        {
            return null;
        }

        var response = await KohaHttp.CallAsync(() => lookups.Api.GetCheckoutAsync(checkoutId, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var checkout = KohaHttp.Body(response, "get checkout");
        return checkout.PatronId == patronId ? checkout : null;
    }

    public async Task<Loan> LoanAsync(KohaCheckout checkout, CancellationToken cancellationToken)
    {
        var (biblioId, title) = await RecordAsync(checkout, cancellationToken).ConfigureAwait(false);
        var response = await KohaHttp.CallAsync(() => lookups.Api.GetAllowsRenewalAsync(checkout.CheckoutId, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var allows = KohaHttp.Body(response, "allows renewal");
        var used = checkout.RenewalsCount ?? allows.CurrentRenewals ?? 0;
        return new Loan(
            checkout.CheckoutId.ToString(CultureInfo.InvariantCulture),
            biblioId?.ToString(CultureInfo.InvariantCulture) ?? "",
            title,
            checkout.ItemId?.ToString(CultureInfo.InvariantCulture),
            KohaMapper.Date(checkout.DueDate) ?? throw new CatalogueException(CatalogueErrorKind.Protocol, "Koha sent a checkout without a due date."),
            used,
            allows.MaxRenewals is { } max ? Math.Max(0, max - used) : null,
            allows.AllowsRenewal,
            allows.AllowsRenewal ? null : KohaReasons.Renewal(allows.Error),
            allows.AllowsRenewal ? null : allows.Error);
    }

    /// <summary>Renews one checkout: 201 gives the new due date; 403 carries Koha's reason, kept as the library's message.</summary>
    public async Task<RenewalOutcome> RenewAsync(KohaCheckout checkout, CancellationToken cancellationToken)
    {
        var (_, title) = await RecordAsync(checkout, cancellationToken).ConfigureAwait(false);
        var loanId = checkout.CheckoutId.ToString(CultureInfo.InvariantCulture);
        var response = await KohaHttp.CallAsync(() => lookups.Api.RenewAsync(checkout.CheckoutId, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var message = KohaHttp.ErrorText(response);
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => new RenewalOutcome(loanId, title, false, null, KohaReasons.Renewal(KohaHttp.ErrorCode(response)), message),
            HttpStatusCode.NotFound => new RenewalOutcome(loanId, title, false, null, OutcomeReason.NotFound, message),
            _ => new RenewalOutcome(loanId, title, true, KohaMapper.Date(KohaHttp.Body(response, "renew checkout").DueDate)),
        };
        KohaLog.Renewal(logger, KohaLog.Hash(checkout.PatronId.ToString(CultureInfo.InvariantCulture)), checkout.CheckoutId,
            outcome.Renewed ? "renewed" : outcome.Reason.ToString()!);
        return outcome;
    }

    /// <summary>The record of the checked-out item and its title (the barcode when Koha has no title to give).</summary>
    private async Task<(long? BiblioId, string Title)> RecordAsync(KohaCheckout checkout, CancellationToken cancellationToken)
    {
        var biblioId = checkout.ItemId is { } itemId ? await lookups.BiblioOfItemAsync(itemId, cancellationToken).ConfigureAwait(false) : null;
        var title = biblioId is { } id ? await lookups.TitleAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return (biblioId, title ?? checkout.ExternalId ?? "");
    }
}
