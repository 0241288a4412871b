namespace LibraryBot.CatalogAdapter;

public enum AuthFailure
{
    WrongCredentials,
    Blocked,
    Expired,
    LockedOut,
}

/// <summary>The result of checking a card and PIN: a patron, or why not (with the library's own message).</summary>
public sealed record AuthResult(string? PatronId, string? FirstName, AuthFailure? Failure, string? LibraryMessage = null)
{
    public bool Success => PatronId is not null && Failure is null;

    public static AuthResult Ok(string patronId, string firstName) => new(patronId, firstName, null);

    public static AuthResult Refused(AuthFailure failure, string? libraryMessage = null) => new(null, null, failure, libraryMessage);
}

/// <summary>A patron found by card number without a PIN (staff use): the library system's patron id and first name.</summary>
public sealed record PatronIdentity(string PatronId, string FirstName);

public sealed record Loan(
    string LoanId,
    string RecordId,
    string Title,
    string? ItemId,
    DateOnly DueDate,
    int RenewalsUsed,
    int? RenewalsLeft,
    bool Renewable,
    OutcomeReason? NotRenewableReason = null,
    string? NotRenewableMessage = null)
{
    public bool IsOverdue(DateOnly today) => DueDate < today;
}

public enum HoldStatus
{
    Waiting,
    InTransit,
    Ready,
}

public sealed record Hold(
    string HoldId,
    string RecordId,
    string Title,
    HoldStatus Status,
    string PickupBranchId,
    string? PickupBranchName,
    DateOnly? ReadyUntil,
    int? QueuePosition);

public sealed record PatronAccount(
    string PatronId,
    string FirstName,
    string? HomeBranchId,
    IReadOnlyList<Loan> Loans,
    IReadOnlyList<Hold> Holds,
    decimal FinesTotal,
    string Currency);
