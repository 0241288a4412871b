namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>What the hold rules need to know about a patron and a title.</summary>
internal sealed record HoldContext(bool AlreadyHeld, bool OnLoanToPatron, long LoanableCopies, long ActiveHolds);
