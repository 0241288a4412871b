using LibraryBot.CatalogAdapter;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>The demo library's circulation rules, beyond what the shared contract states.</summary>
public sealed class EmbeddedCirculationTests : IAsyncLifetime
{
    private const string Ana = "p-0001";
    private DemoLibrary library = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ICatalogue Catalogue => library.Catalogue;

    public async ValueTask InitializeAsync() => library = await DemoLibrary.CreateAsync();

    public ValueTask DisposeAsync() => library.DisposeAsync();

    [Fact]
    public async Task RenewAsync_WhenLastRenewalUsed_RefusesNextWithLimitMessage()
    {
        var loanId = library.LoanId(Ana, "The Time Machine");

        var last = await Catalogue.RenewAsync(Ana, loanId, Ct);
        var refused = await Catalogue.RenewAsync(Ana, loanId, Ct);

        Assert.True(last.Renewed);
        Assert.False(refused.Renewed);
        Assert.Equal(OutcomeReason.TooManyRenewals, refused.Reason);
        Assert.Equal("Item has reached the renewal limit (3)", refused.LibraryMessage);
    }

    [Fact]
    public async Task RenewAsync_WhenOverdue_ExtendsFromToday()
    {
        var outcome = await Catalogue.RenewAsync(Ana, library.LoanId(Ana, "Truyện Kiều"), Ct);

        Assert.True(outcome.Renewed);
        Assert.Equal(library.Catalogue.Today.AddDays(21), outcome.NewDueDate);
    }

    [Fact]
    public async Task RenewAsync_WhenOnTime_ExtendsFromDueDate()
    {
        var outcome = await Catalogue.RenewAsync(Ana, library.LoanId(Ana, "Pride and Prejudice"), Ct);

        Assert.Equal(library.Catalogue.Today.AddDays(10 + 21), outcome.NewDueDate);
    }

    [Fact]
    public async Task RenewAsync_WhenTheOtherPatronCancelsHold_BecomesRenewable()
    {
        var loanId = library.LoanId(Ana, "红楼梦");
        await Catalogue.CancelHoldAsync("p-0002", library.HoldId("p-0002", "红楼梦"), Ct);

        var outcome = await Catalogue.RenewAsync(Ana, loanId, Ct);

        Assert.True(outcome.Renewed, outcome.LibraryMessage);
    }

    [Fact]
    public async Task RenewAsync_WhenPatronBlockedByFines_RefusesWithPatronBlocked()
    {
        var outcome = await Catalogue.RenewAsync("p-0009", library.LoanId("p-0009", "Dracula"), Ct);

        Assert.False(outcome.Renewed);
        Assert.Equal(OutcomeReason.PatronBlocked, outcome.Reason);
        Assert.Contains("$27.40", outcome.LibraryMessage);
    }

    [Fact]
    public async Task RenewAllAsync_WhenRenewed_PersistsAcrossRestart()
    {
        var outcomes = await Catalogue.RenewAllAsync(Ana, Ct);

        var reopened = await library.Reopen().GetAccountAsync(Ana, Ct);
        foreach (var renewed in outcomes.Where(o => o.Renewed))
        {
            Assert.Equal(renewed.NewDueDate, reopened.Loans.Single(l => l.LoanId == renewed.LoanId).DueDate);
        }

        Assert.Equal(3, outcomes.Count(o => o.Renewed));
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenOthersWait_ReturnsQueuePositionBehindThem()
    {
        var outcome = await Catalogue.PlaceHoldAsync("p-0005", library.RecordId("Moby-Dick"), "central", Ct);

        Assert.True(outcome.Success);
        Assert.Equal(3, outcome.QueuePosition);
        var hold = (await Catalogue.GetAccountAsync("p-0005", Ct)).Holds.Single();
        Assert.Equal(3, hold.QueuePosition);
        Assert.Equal(HoldStatus.Waiting, hold.Status);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenPlacedTwice_SecondIsAlreadyHeld()
    {
        var record = library.RecordId("Frankenstein");

        var first = await Catalogue.PlaceHoldAsync("p-0005", record, "riverside", Ct);
        var second = await Catalogue.PlaceHoldAsync("p-0005", record, "central", Ct);

        Assert.True(first.Success);
        Assert.Equal(OutcomeReason.AlreadyHeld, second.Reason);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenPatronHasTitleOnLoan_Refuses()
    {
        var outcome = await Catalogue.PlaceHoldAsync(Ana, library.RecordId("Pride and Prejudice"), "central", Ct);

        Assert.Equal(OutcomeReason.AlreadyHeld, outcome.Reason);
        Assert.Equal("You already have this title on loan.", outcome.LibraryMessage);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenCardExpired_RefusesWithPatronBlocked()
    {
        var outcome = await Catalogue.PlaceHoldAsync("p-0010", library.RecordId("Frankenstein"), "central", Ct);

        Assert.Equal(OutcomeReason.PatronBlocked, outcome.Reason);
        Assert.StartsWith("Your library card expired on", outcome.LibraryMessage);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenPickupBranchUnknown_RefusesWithHoldNotAllowed()
    {
        var outcome = await Catalogue.PlaceHoldAsync("p-0005", library.RecordId("Frankenstein"), "atlantis", Ct);

        Assert.Equal(OutcomeReason.HoldNotAllowed, outcome.Reason);
    }

    [Fact]
    public async Task CancelHoldAsync_WhenHoldIsReady_PutsCopyBackOnShelf()
    {
        var record = library.RecordId("Pepita Jiménez");
        var before = (await Catalogue.GetRecordAsync(record, Ct))!.Availability.Available;

        var outcome = await Catalogue.CancelHoldAsync(Ana, library.HoldId(Ana, "Pepita Jiménez"), Ct);

        Assert.True(outcome.Success);
        Assert.Equal(before + 1, (await Catalogue.GetRecordAsync(record, Ct))!.Availability.Available);
    }

    [Fact]
    public async Task CancelHoldAsync_WhenHoldBelongsToAnotherPatron_RefusesWithNotFound()
    {
        var outcome = await Catalogue.CancelHoldAsync("p-0005", library.HoldId(Ana, "Moby-Dick"), Ct);

        Assert.Equal(OutcomeReason.NotFound, outcome.Reason);
    }

    [Fact]
    public async Task GetAccountAsync_WhenHoldInTransit_ReportsInTransit()
    {
        var account = await Catalogue.GetAccountAsync(Ana, Ct);

        Assert.Equal(HoldStatus.InTransit, account.Holds.Single(h => h.Title == "Số đỏ").Status);
        Assert.Equal(5, account.Loans.Count);
        Assert.Equal(4, account.Holds.Count);
    }
}
