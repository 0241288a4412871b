using System.Globalization;
using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>Sip2Catalogue against the emulator in the dialects of Evergreen and FOLIO, and list paging.</summary>
public sealed class Sip2DialectCatalogueTests
{
    private const string Ana = "p-0001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAccountAsync_WhenEvergreenListsTitles_FindsTheSameLoansAndHolds()
    {
        await using var koha = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Koha);
        await using var evergreen = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Evergreen);

        var expected = await koha.Catalogue.GetAccountAsync(Ana, Ct);
        var actual = await evergreen.Catalogue.GetAccountAsync(Ana, Ct);

        Assert.Contains(evergreen.Emulator.Received, m => m.Code == "17" && m.Get("AB") == "Pride and Prejudice");
        Assert.Equal(expected.Loans.Select(l => l.Title).Order(), actual.Loans.Select(l => l.Title).Order());
        Assert.Equal(expected.Loans.Select(l => (l.Title, l.DueDate)).Order(), actual.Loans.Select(l => (l.Title, l.DueDate)).Order());
        Assert.All(actual.Loans, l => Assert.False(string.IsNullOrEmpty(l.RecordId)));
        Assert.Equal(expected.Holds.Select(h => (h.Title, h.RecordId, h.Status)).Order(), actual.Holds.Select(h => (h.Title, h.RecordId, h.Status)).Order());
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenFolioDoesNotSupportHolds_RefusesWithServerMessageWithoutSending15()
    {
        await using var folio = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Folio);

        var outcome = await folio.Catalogue.PlaceHoldAsync(Ana, folio.Demo.RecordId("Frankenstein"), "central", Ct);

        Assert.False(outcome.Success);
        Assert.Equal(OutcomeReason.HoldNotAllowed, outcome.Reason);
        Assert.Equal("Hold requests are not supported by this SIP server", outcome.LibraryMessage);
        Assert.DoesNotContain(folio.Emulator.Received, m => m.Code == "15");
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenServerAdvertisesHoldsButRefuses15_PassesItsMessageOn()
    {
        await using var library = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Koha with { RefuseHolds = true });

        var outcome = await library.Catalogue.PlaceHoldAsync(Ana, library.Demo.RecordId("Frankenstein"), "central", Ct);

        Assert.False(outcome.Success);
        Assert.Equal(OutcomeReason.HoldNotAllowed, outcome.Reason);
        Assert.StartsWith("Hold not allowed", outcome.LibraryMessage, StringComparison.Ordinal);
        Assert.Single(library.Emulator.Received, m => m.Code == "15");
    }

    [Fact]
    public async Task RenewAllAsync_WhenFolioWithoutErrorDetection_RenewsEachLoanWithItsReason()
    {
        await using var folio = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Folio);

        var outcomes = await folio.Catalogue.RenewAllAsync(Ana, Ct);

        Assert.NotEmpty(outcomes);
        Assert.Contains(outcomes, o => o.Renewed);
        Assert.Contains(outcomes, o => o.Reason == OutcomeReason.OnHoldForAnotherPatron);
        Assert.All(outcomes.Where(o => !o.Renewed), o => Assert.False(string.IsNullOrWhiteSpace(o.LibraryMessage)));
        Assert.DoesNotContain(folio.Emulator.ReceivedFrames, f => System.Text.Encoding.Latin1.GetString(f).Contains("AZ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatronListAsync_WhenListIsLongerThanAPage_PagesWithBpAndBq()
    {
        await using var library = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Koha);
        var options = Options.Create(Sip2TestClients.OptionsFor(library.Emulator));
        await using var pool = new Sip2ConnectionPool(options, NullLogger<Sip2ConnectionPool>.Instance);
        var client = new Sip2Client(pool, options, library.Demo.Time) { PageSize = 2 };
        var loans = (await library.Demo.Catalogue.GetAccountAsync(Ana, Ct)).Loans;

        var (_, entries) = await client.PatronListAsync(Ana, Sip2Requests.ChargedItems, Ct);

        Assert.True(loans.Count > 2, "the demo patron needs more than one page of loans");
        Assert.Equal(loans.Select(l => l.ItemId), entries);
        var starts = library.Emulator.Received.Where(m => m.Code == "63").Select(m => int.Parse(m.Get("BP")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, (loans.Count + 1) / 2).Select(i => 1 + (2 * i)), starts);
    }
}
