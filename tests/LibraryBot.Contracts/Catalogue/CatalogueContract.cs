using LibraryBot.CatalogAdapter;

namespace LibraryBot.Contracts.Catalogue;

/// <summary>
/// The semantics every <see cref="ICatalogue"/> shares (Embedded, SIP2, Koha). Subclass once per implementation:
/// <see cref="CreateSubjectAsync"/> returns a subject in the state <see cref="Scenario"/> describes; it is called
/// before every test, so tests may change data.
/// <list type="bullet">
/// <item>Wrong credentials, blocked or expired cards are <see cref="AuthResult"/> refusals, never exceptions.</item>
/// <item>An unknown patron is a <see cref="CatalogueException"/> with <see cref="CatalogueErrorKind.NotFound"/>;
/// an unknown record is null; an unknown loan or hold of a known patron is a refusal with
/// <see cref="OutcomeReason.NotFound"/>.</item>
/// <item>A refusal carries a normalised <see cref="OutcomeReason"/> and the library's own words.</item>
/// <item>Renew-all answers one outcome per loan, in the order of the account's loans.</item>
/// </list>
/// This part covers search, records, authentication and branches; the circulation part is in
/// CatalogueContract.Circulation.cs.
/// </summary>
public abstract partial class CatalogueContract : IAsyncLifetime
{
    private ICatalogue? subject;

    /// <summary>The data the subject serves.</summary>
    protected abstract CatalogueScenario Scenario { get; }

    /// <summary>The implementation under test, fresh for each test.</summary>
    protected ICatalogue Subject => subject ?? throw new InvalidOperationException("The subject is created in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the implementation under test, in the state <see cref="Scenario"/> describes.</summary>
    protected abstract Task<ICatalogue> CreateSubjectAsync();

    public virtual async ValueTask InitializeAsync() => subject = await CreateSubjectAsync();

    public virtual async ValueTask DisposeAsync()
    {
        switch (subject)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SearchAsync_WhenTermsMatch_FindsExpectedTitle()
    {
        var page = await Subject.SearchAsync(new SearchQuery(Scenario.SearchTerms, PageSize: 10), Ct);

        Assert.Contains(page.Hits, h => string.Equals(h.Title, Scenario.ExpectedTitle, StringComparison.OrdinalIgnoreCase));
        Assert.True(page.Total >= page.Hits.Count);
        Assert.All(page.Hits, h =>
        {
            Assert.False(string.IsNullOrWhiteSpace(h.RecordId));
            Assert.InRange(h.Availability.Available, 0, h.Availability.Total);
        });
    }

    [Fact]
    public async Task SearchAsync_WhenPaging_ReturnsDisjointPagesWithSameTotal()
    {
        var first = await Subject.SearchAsync(new SearchQuery(Scenario.PagingTerms, Page: 1, PageSize: 2), Ct);
        var second = await Subject.SearchAsync(new SearchQuery(Scenario.PagingTerms, Page: 2, PageSize: 2), Ct);

        Assert.True(first.Total > 2, $"'{Scenario.PagingTerms}' should find more than two records, found {first.Total}.");
        Assert.Equal(2, first.Hits.Count);
        Assert.True(first.HasMore);
        Assert.Equal(2, second.Page);
        Assert.Equal(first.Total, second.Total);
        Assert.NotEmpty(second.Hits);
        Assert.Empty(first.Hits.Select(h => h.RecordId).Intersect(second.Hits.Select(h => h.RecordId)));
    }

    [Fact]
    public async Task SearchAsync_WhenPageIsBeyondTheEnd_ReturnsNoHits()
    {
        var first = await Subject.SearchAsync(new SearchQuery(Scenario.PagingTerms, PageSize: 2), Ct);
        var beyond = await Subject.SearchAsync(new SearchQuery(Scenario.PagingTerms, Page: (first.Total / 2) + 2, PageSize: 2), Ct);

        Assert.Empty(beyond.Hits);
        Assert.False(beyond.HasMore);
    }

    [Fact]
    public async Task GetRecordAsync_WhenRecordHasCopies_ListsHoldingsPerBranch()
    {
        var branches = (await Subject.GetBranchesAsync(Ct)).Select(b => b.BranchId).ToHashSet();

        var record = await Subject.GetRecordAsync(Scenario.RecordIdWithHoldings, Ct);

        Assert.NotNull(record);
        Assert.Equal(Scenario.RecordIdWithHoldings, record.RecordId);
        Assert.False(string.IsNullOrWhiteSpace(record.Title));
        Assert.True(record.Holdings.Select(h => h.BranchId).Distinct().Count() >= 2, "expected copies at two or more branches");
        Assert.All(record.Holdings, h =>
        {
            Assert.Contains(h.BranchId, branches);
            Assert.False(string.IsNullOrWhiteSpace(h.BranchName));
        });
        Assert.Contains(record.Holdings, h => h.Status == ItemStatus.OnLoan);
        Assert.All(record.Holdings.Where(h => h.Status == ItemStatus.OnLoan), h => Assert.NotNull(h.DueDate));
    }

    [Fact]
    public async Task GetRecordAsync_WhenFoundBySearch_HasSameTitle()
    {
        var page = await Subject.SearchAsync(new SearchQuery(Scenario.SearchTerms), Ct);
        Assert.NotEmpty(page.Hits);
        var hit = page.Hits[0];

        var record = await Subject.GetRecordAsync(hit.RecordId, Ct);

        Assert.NotNull(record);
        Assert.Equal(hit.Title, record.Title);
    }

    [Fact]
    public async Task GetRecordAsync_WhenRecordIsUnknown_ReturnsNull()
    {
        Assert.Null(await Subject.GetRecordAsync(Scenario.UnknownRecordId, Ct));
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPinIsRight_ReturnsPatron()
    {
        var result = await Subject.AuthenticateAsync(Scenario.CardNumber, Scenario.Pin, Ct);

        Assert.True(result.Success, $"refused: {result.Failure} {result.LibraryMessage}");
        Assert.False(string.IsNullOrWhiteSpace(result.PatronId));
        Assert.Equal(Scenario.FirstName, result.FirstName);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPinIsWrong_RefusesWithWrongCredentials()
    {
        var result = await Subject.AuthenticateAsync(Scenario.CardNumber, Scenario.WrongPin, Ct);

        Assert.False(result.Success);
        Assert.Null(result.PatronId);
        Assert.Equal(AuthFailure.WrongCredentials, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenCardIsUnknown_RefusesWithWrongCredentials()
    {
        var result = await Subject.AuthenticateAsync(Scenario.UnknownPatronId, Scenario.Pin, Ct);

        Assert.False(result.Success);
        Assert.Equal(AuthFailure.WrongCredentials, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPatronIsBlocked_RefusesWithBlockedAndMessage()
    {
        var result = await Subject.AuthenticateAsync(Scenario.BlockedCardNumber, Scenario.BlockedPin, Ct);

        Assert.False(result.Success);
        Assert.Equal(AuthFailure.Blocked, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.LibraryMessage));
    }

    [Fact]
    public async Task FindPatronByCardAsync_WhenCardIsKnown_ReturnsThePatronAuthenticationReturns()
    {
        var found = await Subject.FindPatronByCardAsync(Scenario.CardNumber, Ct);
        var signedIn = await Subject.AuthenticateAsync(Scenario.CardNumber, Scenario.Pin, Ct);

        Assert.NotNull(found);
        Assert.Equal((signedIn.PatronId, Scenario.FirstName), (found.PatronId, found.FirstName));
    }

    [Fact]
    public async Task FindPatronByCardAsync_WhenCardIsUnknown_ReturnsNull()
    {
        Assert.Null(await Subject.FindPatronByCardAsync(Scenario.UnknownPatronId, Ct));
    }

    [Fact]
    public async Task GetBranchesAsync_WhenCalled_ReturnsBranchesWithHours()
    {
        var branches = await Subject.GetBranchesAsync(Ct);

        Assert.NotEmpty(branches);
        Assert.Equal(branches.Count, branches.Select(b => b.BranchId).Distinct().Count());
        Assert.All(branches, b =>
        {
            Assert.False(string.IsNullOrWhiteSpace(b.Name));
            Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(b.TimeZone));
            Assert.NotEmpty(b.Weekly);
            Assert.All(b.Weekly, h => Assert.True(h.Opens < h.Closes, $"{b.BranchId} {h.Day}: opens after it closes"));
        });
    }

    [Fact]
    public async Task GetPickupBranchesAsync_WhenRecordIsHoldable_ReturnsKnownBranchesIncludingScenarioBranch()
    {
        var patronId = await SignInAsync();
        var all = (await Subject.GetBranchesAsync(Ct)).Select(b => b.BranchId).ToHashSet();

        var pickup = await Subject.GetPickupBranchesAsync(Scenario.HoldableRecordId, patronId, Ct);

        Assert.Contains(pickup, b => b.BranchId == Scenario.PickupBranchId);
        Assert.All(pickup, b => Assert.Contains(b.BranchId, all));
    }

    [Fact]
    public async Task GetAccountsAsync_ForSeveralPatrons_GivesEachAccountAsReadAloneAndLeavesOutUnknownOnes()
    {
        var patronId = await SignInAsync();
        var alone = await Subject.GetAccountAsync(patronId, Ct);

        var accounts = await Subject.GetAccountsAsync([Scenario.UnknownPatronId, patronId], Ct);

        var together = Assert.Single(accounts).Value;
        Assert.Equal((alone.PatronId, alone.FirstName, alone.HomeBranchId, alone.FinesTotal), (together.PatronId, together.FirstName, together.HomeBranchId, together.FinesTotal));
        Assert.Equal(alone.Loans, together.Loans);
        Assert.Equal(alone.Holds, together.Holds);
        Assert.NotEmpty(together.Loans);
        Assert.Empty(await Subject.GetAccountsAsync([Scenario.UnknownPatronId], Ct));
    }

    /// <summary>Signs the scenario's patron in and returns the patron id.</summary>
    protected async Task<string> SignInAsync()
    {
        var result = await Subject.AuthenticateAsync(Scenario.CardNumber, Scenario.Pin, Ct);
        Assert.True(result.Success, $"the scenario patron could not sign in: {result.Failure} {result.LibraryMessage}");
        return result.PatronId!;
    }
}
