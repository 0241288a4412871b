using LibraryBot.CatalogAdapter;

namespace LibraryBot.Contracts.Catalogue;

/// <summary>The circulation part of the contract: account, renewals and holds.</summary>
public abstract partial class CatalogueContract
{
    [Fact]
    public async Task GetAccountAsync_WhenPatronIsUnknown_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<CatalogueException>(() => Subject.GetAccountAsync(Scenario.UnknownPatronId, Ct));

        Assert.Equal(CatalogueErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task GetAccountAsync_WhenPatronHasLoans_ReportsDueDatesAndRenewability()
    {
        var account = await Subject.GetAccountAsync(await SignInAsync(), Ct);

        Assert.Equal(Scenario.FirstName, account.FirstName);
        var renewable = Assert.Single(account.Loans, l => l.LoanId == Scenario.RenewableLoanId);
        Assert.True(renewable.Renewable);
        Assert.True(renewable.RenewalsLeft is null or > 0);
        Assert.False(string.IsNullOrWhiteSpace(renewable.Title));

        var atLimit = Assert.Single(account.Loans, l => l.LoanId == Scenario.LoanAtRenewalLimitId);
        Assert.False(atLimit.Renewable);
        Assert.Equal(OutcomeReason.TooManyRenewals, atLimit.NotRenewableReason);
        Assert.True(atLimit.RenewalsLeft is null or 0);

        var onHold = Assert.Single(account.Loans, l => l.LoanId == Scenario.LoanOnHoldForOtherId);
        Assert.False(onHold.Renewable);
        Assert.Equal(OutcomeReason.OnHoldForAnotherPatron, onHold.NotRenewableReason);

        var overdue = Assert.Single(account.Loans, l => l.LoanId == Scenario.OverdueLoanId);
        Assert.True(overdue.IsOverdue(Scenario.Today), $"due {overdue.DueDate}, today {Scenario.Today}");
        Assert.All(account.Loans, l => Assert.False(l.Renewable && l.NotRenewableReason is not null));
    }

    [Fact]
    public async Task GetAccountAsync_WhenPatronHasHolds_ReportsStatusPickupAndReadyUntil()
    {
        var branches = (await Subject.GetBranchesAsync(Ct)).Select(b => b.BranchId).ToHashSet();

        var account = await Subject.GetAccountAsync(await SignInAsync(), Ct);

        var waiting = Assert.Single(account.Holds, h => h.HoldId == Scenario.WaitingHoldId);
        Assert.Equal(HoldStatus.Waiting, waiting.Status);
        Assert.True(waiting.QueuePosition is null or >= 1);
        Assert.Null(waiting.ReadyUntil);

        var ready = Assert.Single(account.Holds, h => h.HoldId == Scenario.ReadyHoldId);
        Assert.Equal(HoldStatus.Ready, ready.Status);
        Assert.NotNull(ready.ReadyUntil);
        Assert.True(ready.ReadyUntil >= Scenario.Today, $"ready until {ready.ReadyUntil}, today {Scenario.Today}");

        Assert.All(account.Holds, h =>
        {
            Assert.Contains(h.PickupBranchId, branches);
            Assert.False(string.IsNullOrWhiteSpace(h.Title));
        });
    }

    [Fact]
    public async Task GetAccountAsync_WhenPatronOwesFines_ReportsTotalAndCurrency()
    {
        var account = await Subject.GetAccountAsync(await SignInAsync(), Ct);

        Assert.Equal(Scenario.FinesTotal, account.FinesTotal);
        Assert.Matches("^[A-Z]{3}$", account.Currency);
    }

    [Fact]
    public async Task RenewAsync_WhenLoanIsRenewable_ExtendsDueDate()
    {
        var patronId = await SignInAsync();
        var before = (await Subject.GetAccountAsync(patronId, Ct)).Loans.Single(l => l.LoanId == Scenario.RenewableLoanId);

        var outcome = await Subject.RenewAsync(patronId, Scenario.RenewableLoanId, Ct);

        Assert.True(outcome.Renewed, $"refused: {outcome.Reason} {outcome.LibraryMessage}");
        Assert.Equal(Scenario.RenewableLoanId, outcome.LoanId);
        Assert.NotNull(outcome.NewDueDate);
        Assert.True(outcome.NewDueDate > before.DueDate, $"new due {outcome.NewDueDate}, was {before.DueDate}");
        var after = (await Subject.GetAccountAsync(patronId, Ct)).Loans.Single(l => l.LoanId == Scenario.RenewableLoanId);
        Assert.Equal(outcome.NewDueDate, after.DueDate);
    }

    [Fact]
    public async Task RenewAsync_WhenAtRenewalLimit_RefusesWithReasonAndLibraryMessage()
    {
        var patronId = await SignInAsync();

        var outcome = await Subject.RenewAsync(patronId, Scenario.LoanAtRenewalLimitId, Ct);

        Assert.False(outcome.Renewed);
        Assert.Null(outcome.NewDueDate);
        Assert.Equal(OutcomeReason.TooManyRenewals, outcome.Reason);
        Assert.False(string.IsNullOrWhiteSpace(outcome.LibraryMessage));
    }

    [Fact]
    public async Task RenewAsync_WhenAnotherPatronHoldsTheItem_RefusesWithOnHold()
    {
        var patronId = await SignInAsync();

        var outcome = await Subject.RenewAsync(patronId, Scenario.LoanOnHoldForOtherId, Ct);

        Assert.False(outcome.Renewed);
        Assert.Equal(OutcomeReason.OnHoldForAnotherPatron, outcome.Reason);
        Assert.False(string.IsNullOrWhiteSpace(outcome.LibraryMessage));
    }

    [Fact]
    public async Task RenewAsync_WhenLoanIsUnknown_RefusesWithNotFound()
    {
        var outcome = await Subject.RenewAsync(await SignInAsync(), Scenario.UnknownLoanId, Ct);

        Assert.False(outcome.Renewed);
        Assert.Equal(OutcomeReason.NotFound, outcome.Reason);
    }

    [Fact]
    public async Task RenewAllAsync_WhenLoansDiffer_ReturnsOneOutcomePerLoanInOrder()
    {
        var patronId = await SignInAsync();
        var loans = (await Subject.GetAccountAsync(patronId, Ct)).Loans;

        var outcomes = await Subject.RenewAllAsync(patronId, Ct);

        Assert.Equal(loans.Select(l => l.LoanId), outcomes.Select(o => o.LoanId));
        Assert.True(outcomes.Single(o => o.LoanId == Scenario.RenewableLoanId).Renewed);
        var limit = outcomes.Single(o => o.LoanId == Scenario.LoanAtRenewalLimitId);
        Assert.False(limit.Renewed);
        Assert.Equal(OutcomeReason.TooManyRenewals, limit.Reason);
        Assert.Equal(OutcomeReason.OnHoldForAnotherPatron, outcomes.Single(o => o.LoanId == Scenario.LoanOnHoldForOtherId).Reason);
        Assert.All(outcomes, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Title));
            Assert.Equal(o.Renewed, o.NewDueDate is not null);
            Assert.True(o.Renewed || !string.IsNullOrWhiteSpace(o.LibraryMessage), $"{o.LoanId}: refused without the library's words");
        });
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenRecordIsHoldable_CreatesHoldAtPickupBranch()
    {
        var patronId = await SignInAsync();

        var outcome = await Subject.PlaceHoldAsync(patronId, Scenario.HoldableRecordId, Scenario.PickupBranchId, Ct);

        Assert.True(outcome.Success, $"refused: {outcome.Reason} {outcome.LibraryMessage}");
        Assert.False(string.IsNullOrWhiteSpace(outcome.HoldId));
        var hold = Assert.Single((await Subject.GetAccountAsync(patronId, Ct)).Holds, h => h.HoldId == outcome.HoldId);
        Assert.Equal(Scenario.HoldableRecordId, hold.RecordId);
        Assert.Equal(Scenario.PickupBranchId, hold.PickupBranchId);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenPatronAlreadyHoldsRecord_RefusesWithAlreadyHeld()
    {
        var patronId = await SignInAsync();

        var outcome = await Subject.PlaceHoldAsync(patronId, Scenario.AlreadyHeldRecordId, Scenario.PickupBranchId, Ct);

        Assert.False(outcome.Success);
        Assert.Equal(OutcomeReason.AlreadyHeld, outcome.Reason);
        Assert.False(string.IsNullOrWhiteSpace(outcome.LibraryMessage));
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenRecordIsUnknown_RefusesWithNotFound()
    {
        var outcome = await Subject.PlaceHoldAsync(await SignInAsync(), Scenario.UnknownRecordId, Scenario.PickupBranchId, Ct);

        Assert.False(outcome.Success);
        Assert.Equal(OutcomeReason.NotFound, outcome.Reason);
    }

    [Fact]
    public async Task CancelHoldAsync_WhenHoldExists_RemovesItFromAccount()
    {
        var patronId = await SignInAsync();

        var outcome = await Subject.CancelHoldAsync(patronId, Scenario.CancellableHoldId, Ct);

        Assert.True(outcome.Success, $"refused: {outcome.Reason} {outcome.LibraryMessage}");
        Assert.DoesNotContain((await Subject.GetAccountAsync(patronId, Ct)).Holds, h => h.HoldId == Scenario.CancellableHoldId);
    }

    [Fact]
    public async Task CancelHoldAsync_WhenHoldIsUnknown_RefusesWithNotFound()
    {
        var outcome = await Subject.CancelHoldAsync(await SignInAsync(), Scenario.UnknownHoldId, Ct);

        Assert.False(outcome.Success);
        Assert.Equal(OutcomeReason.NotFound, outcome.Reason);
    }
}
