using LibraryBot.CatalogAdapter;
using LibraryBot.Contracts.Catalogue;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>The shared catalogue contract, run against the demo library (a fresh temporary file per test).</summary>
public sealed class EmbeddedCatalogueTests : CatalogueContract
{
    private DemoLibrary? library;
    private CatalogueScenario? scenario;

    protected override CatalogueScenario Scenario => scenario ?? throw new InvalidOperationException("Not initialised.");

    protected override async Task<ICatalogue> CreateSubjectAsync()
    {
        library = await DemoLibrary.CreateAsync();
        const string ana = "p-0001";
        scenario = new CatalogueScenario(
            Today: library.Catalogue.Today,
            CardNumber: "29000100000011",
            Pin: "1234",
            FirstName: "Ana",
            WrongPin: "0000",
            BlockedCardNumber: "29000100000094",
            BlockedPin: "4321",
            UnknownPatronId: "p-9999",
            SearchTerms: "pride prejudice",
            ExpectedTitle: "Pride and Prejudice",
            PagingTerms: "dickens",
            RecordIdWithHoldings: library.RecordId("Pride and Prejudice"),
            UnknownRecordId: "999999",
            RenewableLoanId: library.LoanId(ana, "Pride and Prejudice"),
            LoanAtRenewalLimitId: library.LoanId(ana, "Don Quijote de la Mancha"),
            LoanOnHoldForOtherId: library.LoanId(ana, "红楼梦"),
            OverdueLoanId: library.LoanId(ana, "Truyện Kiều"),
            UnknownLoanId: "999999",
            HoldableRecordId: library.RecordId("Frankenstein"),
            PickupBranchId: "riverside",
            AlreadyHeldRecordId: library.RecordId("Moby-Dick"),
            WaitingHoldId: library.HoldId(ana, "Moby-Dick"),
            ReadyHoldId: library.HoldId(ana, "Pepita Jiménez"),
            CancellableHoldId: library.HoldId(ana, "西游记"),
            UnknownHoldId: "999999",
            FinesTotal: 2.50m);
        return library.Catalogue;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (library is not null)
        {
            await library.DisposeAsync();
        }
    }
}
