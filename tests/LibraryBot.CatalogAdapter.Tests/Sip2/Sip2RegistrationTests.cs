using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Tests.Embedded;
using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

public sealed class Sip2RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Catalog:Provider"] = "Sip2",
        ["Catalog:Search"] = "Sru",
        ["Catalog:Sip2:Host"] = "127.0.0.1",
        ["Catalog:Sip2:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Catalog:Sip2:User"] = "librarybot",
        ["Catalog:Sip2:Password"] = "s3cret",
        ["Catalog:Sip2:InstitutionId"] = "EMU",
        ["Catalog:Sip2:Terminator"] = "CRLF",
        ["Catalog:Sip2:RenewalsLeftField"] = "ZR",
        ["Catalog:Branches:0:Id"] = "central",
        ["Catalog:Branches:0:Name"] = "Central Library",
        ["Catalog:Branches:0:TimeZone"] = "America/Los_Angeles",
        ["Catalog:Branches:0:Latitude"] = "34.05",
        ["Catalog:Branches:0:Longitude"] = "-118.25",
        ["Catalog:Branches:0:Weekly:0:Day"] = "Monday",
        ["Catalog:Branches:0:Weekly:0:Opens"] = "09:00",
        ["Catalog:Branches:0:Weekly:0:Closes"] = "20:30",
        ["Catalog:Branches:0:Exceptions:0:Date"] = "2026-12-25",
        ["Catalog:Branches:0:Exceptions:0:Reason"] = "Christmas",
        ["Catalog:Branches:1:Id"] = "archive",
        ["Catalog:Branches:1:Name"] = "Archive",
        ["Catalog:Branches:1:Pickup"] = "false",
        ["Catalog:Branches:1:Weekly:0:Day"] = "Friday",
        ["Catalog:Branches:1:Weekly:0:Opens"] = "10:00",
        ["Catalog:Branches:1:Weekly:0:Closes"] = "12:00",
    };

    private static IHost Build(Dictionary<string, string?> settings, ICatalogueSearch search)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(search);
        builder.AddSip2Catalogue();
        return builder.Build();
    }

    [Fact]
    public async Task AddSip2Catalogue_WhenConfigured_SignsInThroughTheServerAndReadsBranches()
    {
        await using var demo = await DemoLibrary.CreateAsync();
        var handler = new Sip2LibraryHandler(demo.Catalogue, Sip2EmulatorDialect.Koha, demo.Time);
        await using var emulator = new Sip2Emulator(Sip2EmulatorDialect.Koha, handler.HandleAsync);
        using var host = Build(Settings(emulator.Port), demo.Catalogue);
        await host.StartAsync(Ct);
        var catalogue = host.Services.GetRequiredService<ICatalogue>();

        var auth = await catalogue.AuthenticateAsync("29000100000011", "1234", Ct);
        var branches = await catalogue.GetBranchesAsync(Ct);
        var pickup = await catalogue.GetPickupBranchesAsync(demo.RecordId("Frankenstein"), auth.PatronId!, Ct);
        var none = await catalogue.GetPickupBranchesAsync("999999", auth.PatronId!, Ct);

        Assert.True(auth.Success);
        Assert.IsType<Sip2Catalogue>(catalogue);
        var central = branches[0];
        Assert.Equal(new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(20, 30)), Assert.Single(central.Weekly));
        Assert.Equal(new HoursException(new DateOnly(2026, 12, 25), null, null, "Christmas"), Assert.Single(central.Exceptions));
        Assert.Equal(34.05, central.Latitude);
        Assert.Equal(["central"], pickup.Select(b => b.BranchId));
        Assert.Empty(none);
        await host.StopAsync(Ct);
    }

    [Theory]
    [InlineData("Catalog:Sip2:Host", "", "Catalog:Sip2:Host")]
    [InlineData("Catalog:Sip2:Encoding", "KLINGON-8", "Catalog:Sip2:Encoding")]
    [InlineData("Catalog:Sip2:RenewalsLeftField", "zr1", "Catalog:Sip2:RenewalsLeftField")]
    [InlineData("Catalog:Branches:0:TimeZone", "Mars/Olympus", "Catalog:Branches[0]:TimeZone")]
    [InlineData("Catalog:Branches:0:Weekly:0:Closes", "08:00", "Catalog:Branches[0]:Weekly[0]")]
    public async Task AddSip2Catalogue_WhenSettingIsInvalid_StartFailsNamingTheKey(string key, string value, string named)
    {
        await using var demo = await DemoLibrary.CreateAsync();
        var settings = Settings(6001);
        settings[key] = value;
        using var host = Build(settings, demo.Catalogue);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Default", false)]
    [InlineData("Sru", true)]
    public void CatalogueValidator_WhenSip2_RequiresSruSearch(string search, bool valid)
    {
        var result = new CatalogueOptionsValidator().Validate(new CatalogueOptions { Provider = "Sip2", Search = search });

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? [] : ["Search"], result.Errors.Select(e => e.PropertyName));
    }
}
