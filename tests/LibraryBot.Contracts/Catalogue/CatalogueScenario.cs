namespace LibraryBot.Contracts.Catalogue;

/// <summary>
/// The known data an implementation of <see cref="LibraryBot.CatalogAdapter.ICatalogue"/> serves to the contract
/// suite. Every subject starts from this state (a fresh subject per test), so tests may change it.
/// </summary>
/// <param name="Today">The library's "today" (in its time zone) when the subject was created.</param>
/// <param name="CardNumber">A patron in good standing whose account holds every loan and hold named below.</param>
/// <param name="Pin">That patron's PIN.</param>
/// <param name="FirstName">That patron's first name, as the library knows it.</param>
/// <param name="WrongPin">A PIN that is not that patron's.</param>
/// <param name="BlockedCardNumber">A patron the library blocks (for example fines above the limit).</param>
/// <param name="BlockedPin">The blocked patron's correct PIN.</param>
/// <param name="UnknownPatronId">A patron id that does not exist.</param>
/// <param name="SearchTerms">Words that find <paramref name="ExpectedTitle"/>.</param>
/// <param name="ExpectedTitle">A title found by <paramref name="SearchTerms"/> (compared ignoring case).</param>
/// <param name="PagingTerms">Words that find more than two records, so pages of two can be compared.</param>
/// <param name="RecordIdWithHoldings">A record with copies at two or more branches, one of them on loan.</param>
/// <param name="UnknownRecordId">A record id that does not exist.</param>
/// <param name="RenewableLoanId">A loan of the patron that can be renewed now.</param>
/// <param name="LoanAtRenewalLimitId">A loan that has used all its renewals.</param>
/// <param name="LoanOnHoldForOtherId">A loan another patron has placed a hold on.</param>
/// <param name="OverdueLoanId">A loan whose due date is before <paramref name="Today"/>.</param>
/// <param name="UnknownLoanId">A loan id the patron does not have.</param>
/// <param name="HoldableRecordId">A record the patron may place a hold on at <paramref name="PickupBranchId"/>.</param>
/// <param name="PickupBranchId">A branch where holds on <paramref name="HoldableRecordId"/> may be picked up.</param>
/// <param name="AlreadyHeldRecordId">A record on which the patron already has a hold.</param>
/// <param name="WaitingHoldId">A hold of the patron still waiting in the queue.</param>
/// <param name="ReadyHoldId">A hold of the patron ready for pickup on the hold shelf.</param>
/// <param name="CancellableHoldId">A hold of the patron that may be cancelled.</param>
/// <param name="UnknownHoldId">A hold id the patron does not have.</param>
/// <param name="FinesTotal">What the patron owes.</param>
public sealed record CatalogueScenario(
    DateOnly Today,
    string CardNumber,
    string Pin,
    string FirstName,
    string WrongPin,
    string BlockedCardNumber,
    string BlockedPin,
    string UnknownPatronId,
    string SearchTerms,
    string ExpectedTitle,
    string PagingTerms,
    string RecordIdWithHoldings,
    string UnknownRecordId,
    string RenewableLoanId,
    string LoanAtRenewalLimitId,
    string LoanOnHoldForOtherId,
    string OverdueLoanId,
    string UnknownLoanId,
    string HoldableRecordId,
    string PickupBranchId,
    string AlreadyHeldRecordId,
    string WaitingHoldId,
    string ReadyHoldId,
    string CancellableHoldId,
    string UnknownHoldId,
    decimal FinesTotal);
