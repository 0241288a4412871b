using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using LibraryBot.Contracts.Catalogue;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>The shared catalogue contract through SIP2: Sip2Catalogue → emulator (Koha dialect) → Embedded demo library.</summary>
public sealed class Sip2CatalogueTests : CatalogueContract
{
    private Sip2DemoLibrary? library;
    private CatalogueScenario? scenario;

    protected override CatalogueScenario Scenario => scenario ?? throw new InvalidOperationException("Not initialised.");

    protected override async Task<ICatalogue> CreateSubjectAsync()
    {
        library = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Koha);
        scenario = await library.ScenarioAsync();
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
