using System.Globalization;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// The demo library's policy, in one place: who may borrow, renew and place holds, and the library's own
/// English wording of each refusal (it travels to the patron as <c>LibraryMessage</c>).
/// </summary>
internal sealed class CirculationRules(EmbeddedCatalogueOptions options)
{
    public EmbeddedCatalogueOptions Options => options;

    /// <summary>Why this patron may not use the library's services now (expired card, fines), or null.</summary>
    public (OutcomeReason Reason, string Message)? PatronRefusal(PatronRow patron, DateOnly today)
    {
        if (patron.ExpiresOn < today)
        {
            return (OutcomeReason.PatronBlocked,
                $"Your library card expired on {patron.ExpiresOn.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}. Please renew it at any branch.");
        }

        if (patron.Fines > options.FinesBlockLimit)
        {
            return (OutcomeReason.PatronBlocked,
                $"Your account is blocked: fines of {Money(patron.Fines)} exceed the limit of {Money(options.FinesBlockLimit)}. Please pay at any branch.");
        }

        return null;
    }

    public (OutcomeReason Reason, string Message)? RenewalRefusal(PatronRow patron, long renewalsUsed, bool otherPatronWaiting, DateOnly today)
    {
        if (PatronRefusal(patron, today) is { } refusal)
        {
            return refusal;
        }

        if (renewalsUsed >= options.MaxRenewals)
        {
            return (OutcomeReason.TooManyRenewals, $"Item has reached the renewal limit ({options.MaxRenewals})");
        }

        return otherPatronWaiting
            ? (OutcomeReason.OnHoldForAnotherPatron, "Item is on hold for another patron and cannot be renewed")
            : null;
    }

    /// <summary>A renewal extends from the due date, or from today when the loan is overdue.</summary>
    public DateOnly RenewedDueDate(DateOnly due, DateOnly today) =>
        (due < today ? today : due).AddDays(options.LoanPeriodDays);

    public int RenewalsLeft(long renewalsUsed) => (int)Math.Max(0, options.MaxRenewals - renewalsUsed);

    public (OutcomeReason Reason, string Message)? HoldRefusal(
        PatronRow patron, DateOnly today, HoldContext context)
    {
        if (PatronRefusal(patron, today) is { } refusal)
        {
            return refusal;
        }

        if (context.AlreadyHeld)
        {
            return (OutcomeReason.AlreadyHeld, "You already have a hold on this title.");
        }

        if (context.OnLoanToPatron)
        {
            return (OutcomeReason.AlreadyHeld, "You already have this title on loan.");
        }

        if (context.LoanableCopies == 0)
        {
            return (OutcomeReason.HoldNotAllowed, "This title is for use in the library only and cannot be placed on hold.");
        }

        return context.ActiveHolds >= options.MaxHolds
            ? (OutcomeReason.HoldNotAllowed, $"You have reached the limit of {options.MaxHolds} holds.")
            : null;
    }

    public string Money(decimal amount) =>
        options.Currency == "USD"
            ? amount.ToString("$0.00", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {options.Currency}");
}
