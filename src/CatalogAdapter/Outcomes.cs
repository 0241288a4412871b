namespace LibraryBot.CatalogAdapter;

/// <summary>Why the library said no, normalised across systems. The library's own words travel with it.</summary>
public enum OutcomeReason
{
    TooManyRenewals,
    OnHoldForAnotherPatron,
    Overdue,
    PatronBlocked,
    NotRenewable,
    AlreadyHeld,
    HoldNotAllowed,
    NotFound,
    SystemUnavailable,
}

public sealed record RenewalOutcome(
    string LoanId,
    string Title,
    bool Renewed,
    DateOnly? NewDueDate,
    OutcomeReason? Reason = null,
    string? LibraryMessage = null);

public sealed record HoldOutcome(
    bool Success,
    string? HoldId,
    OutcomeReason? Reason = null,
    string? LibraryMessage = null,
    int? QueuePosition = null);
