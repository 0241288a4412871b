using LibraryBot.CatalogAdapter.ConfiguredBranches;
using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Tests.Embedded;
using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using LibraryBot.Contracts.Catalogue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>
/// The whole chain for one test: Embedded demo library → <see cref="Sip2LibraryHandler"/> → <see cref="Sip2Emulator"/>
/// (real sockets) → <see cref="Sip2Catalogue"/>, with search and records from the demo library (SIP2 has none) and
/// branches from configuration built from the demo library's branches.
/// </summary>
internal sealed class Sip2DemoLibrary : IAsyncDisposable
{
    private Sip2DemoLibrary(DemoLibrary demo, Sip2LibraryHandler handler, Sip2Emulator emulator, Sip2ConnectionPool pool, Sip2Catalogue catalogue)
    {
        Demo = demo;
        Handler = handler;
        Emulator = emulator;
        Pool = pool;
        Catalogue = catalogue;
    }

    public DemoLibrary Demo { get; }

    public Sip2LibraryHandler Handler { get; }

    public Sip2Emulator Emulator { get; }

    public Sip2ConnectionPool Pool { get; }

    public Sip2Catalogue Catalogue { get; }

    public static async Task<Sip2DemoLibrary> CreateAsync(Sip2EmulatorDialect dialect, Action<Sip2Options>? configure = null, ILoggerFactory? logs = null)
    {
        logs ??= NullLoggerFactory.Instance;
        var demo = await DemoLibrary.CreateAsync();
        var handler = new Sip2LibraryHandler(demo.Catalogue, dialect, demo.Time);
        var emulator = new Sip2Emulator(dialect, handler.HandleAsync);
        var options = Options.Create(Sip2TestClients.OptionsFor(emulator, configure));
        var pool = new Sip2ConnectionPool(options, logs.CreateLogger<Sip2ConnectionPool>());
        var client = new Sip2Client(pool, options, demo.Time);
        var branches = await demo.Catalogue.GetBranchesAsync(TestContext.Current.CancellationToken);
        var catalogue = new Sip2Catalogue(
            client,
            new Sip2ItemResolver(client, demo.Catalogue, logs.CreateLogger<Sip2ItemResolver>()),
            demo.Catalogue,
            options,
            Options.Create(new CatalogBranchesOptions { Branches = [.. branches.Select(ToSettings)] }),
            demo.Time,
            logs.CreateLogger<Sip2Catalogue>());
        return new Sip2DemoLibrary(demo, handler, emulator, pool, catalogue);
    }

    /// <summary>
    /// The Embedded scenario seen through SIP2: loans and holds are known by item barcode, and a hold placed over
    /// SIP2 is reported at the patron's home branch (SIP2 has no pickup place per waiting hold).
    /// </summary>
    public async Task<CatalogueScenario> ScenarioAsync()
    {
        const string ana = "p-0001";
        var ct = TestContext.Current.CancellationToken;
        var account = await Demo.Catalogue.GetAccountAsync(ana, ct);
        string Barcode(string title) => account.Loans.Single(l => l.Title == title).ItemId!;
        async Task<string> HoldBarcode(string title) => await Handler.BarcodeForHoldAsync(account.Holds.Single(h => h.Title == title), ct);

        return new CatalogueScenario(
            Today: Demo.Catalogue.Today,
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
            RecordIdWithHoldings: Demo.RecordId("Pride and Prejudice"),
            UnknownRecordId: "999999",
            RenewableLoanId: Barcode("Pride and Prejudice"),
            LoanAtRenewalLimitId: Barcode("Don Quijote de la Mancha"),
            LoanOnHoldForOtherId: Barcode("红楼梦"),
            OverdueLoanId: Barcode("Truyện Kiều"),
            UnknownLoanId: "999999",
            HoldableRecordId: Demo.RecordId("Frankenstein"),
            PickupBranchId: account.HomeBranchId!,
            AlreadyHeldRecordId: Demo.RecordId("Moby-Dick"),
            WaitingHoldId: await HoldBarcode("Moby-Dick"),
            ReadyHoldId: await HoldBarcode("Pepita Jiménez"),
            CancellableHoldId: await HoldBarcode("西游记"),
            UnknownHoldId: "999999",
            FinesTotal: 2.50m);
    }

    private static BranchSettings ToSettings(Branch branch) => new()
    {
        Id = branch.BranchId,
        Name = branch.Name,
        Address = branch.Address,
        Phone = branch.Phone,
        Latitude = branch.Latitude,
        Longitude = branch.Longitude,
        TimeZone = branch.TimeZone,
        Weekly = [.. branch.Weekly.Select(h => new OpeningHoursSettings { Day = h.Day, Opens = h.Opens, Closes = h.Closes })],
        Exceptions = [.. branch.Exceptions.Select(e => new HoursExceptionSettings { Date = e.Date, Opens = e.Opens, Closes = e.Closes, Reason = e.Reason })],
    };

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        await Emulator.DisposeAsync();
        await Demo.DisposeAsync();
    }
}
