using LibraryBot.CatalogAdapter.Tests.Sru;
using LibraryBot.Contracts.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>
/// The catalogue contract for Koha REST + SRU search, wired as the host wires it, over <see cref="FakeKoha"/>
/// (recorded Koha JSON in Koha/Payloads) and <see cref="FakeSru"/> (MARCXML with Koha 952 holdings).
/// </summary>
public sealed class KohaCatalogueTests : CatalogueContract
{
    private KohaTestHost? _host;

    protected override CatalogueScenario Scenario { get; } = new(
        Today: new DateOnly(2026, 11, 20),
        CardNumber: "23529000035676",
        Pin: "4321",
        FirstName: "Henrietta",
        WrongPin: "0000",
        BlockedCardNumber: "23529000099999",
        BlockedPin: "1111",
        UnknownPatronId: "999999",
        SearchTerms: "hobbit",
        ExpectedTitle: "The hobbit: or, There and back again",
        PagingTerms: "tolkien",
        RecordIdWithHoldings: "101",
        UnknownRecordId: "9999",
        RenewableLoanId: "5001",
        LoanAtRenewalLimitId: "5002",
        LoanOnHoldForOtherId: "5003",
        OverdueLoanId: "5004",
        UnknownLoanId: "5999",
        HoldableRecordId: "103",
        PickupBranchId: "MPL",
        AlreadyHeldRecordId: "102",
        WaitingHoldId: "7001",
        ReadyHoldId: "7002",
        CancellableHoldId: "7003",
        UnknownHoldId: "7999",
        FinesTotal: 2.5m);

    internal static KohaTestHost CreateHost(FakeKoha koha, IDictionary<string, string?>? settings = null)
    {
        var sru = new FakeSru();
        var handler = new StubHttpHandler((request, body) =>
            request.RequestUri!.AbsolutePath.StartsWith("/sru", StringComparison.Ordinal) ? sru.Handle(request) : koha.Handle(request, body));
        var config = new Dictionary<string, string?>
        {
            ["Catalog:Koha:TimeZone"] = "America/New_York",
            ["Catalog:Sru:BaseUrl"] = "http://koha.test/sru",
            ["Catalog:Sru:IdField"] = "999c",
            ["Catalog:Sru:IndexMap:id"] = "rec.id",
        };
        foreach (var (branch, index) in new[] { ("CPL", 0), ("MPL", 1), ("FFL", 2) })
        {
            var entry = $"Catalog:Branches:{index}";
            config[$"{entry}:Id"] = branch;
            config[$"{entry}:TimeZone"] = "America/New_York";
            config[$"{entry}:Weekly:0:Day"] = "Monday";
            config[$"{entry}:Weekly:0:Opens"] = "09:00";
            config[$"{entry}:Weekly:0:Closes"] = index == 0 ? "20:00" : "17:00";
            config[$"{entry}:Weekly:1:Day"] = "Saturday";
            config[$"{entry}:Weekly:1:Opens"] = "10:00";
            config[$"{entry}:Weekly:1:Closes"] = "14:00";
        }

        config["Catalog:Branches:0:Exceptions:0:Date"] = "2026-12-25";
        config["Catalog:Branches:0:Exceptions:0:Reason"] = "Christmas Day";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        return KohaTestHost.Create(new Uri("http://koha.test/api/v1"), config, () => handler,
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
    }

    protected override Task<ICatalogue> CreateSubjectAsync()
    {
        _host = CreateHost(new FakeKoha());
        return Task.FromResult(_host.Catalogue);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _host?.Dispose();
    }
}
