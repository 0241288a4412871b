using LibraryBot.CatalogAdapter.Sru;
using LibraryBot.CatalogAdapter.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

public sealed class KohaRegistrationTests
{
    [Fact]
    public void AddCatalogue_WhenProviderIsKohaAndSearchIsSru_WiresKohaWithSruSearch()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:Provider"] = "Koha",
            ["Catalog:Search"] = "Sru",
            ["Catalog:Koha:BaseUrl"] = "https://koha.example.org/api/v1",
            ["Catalog:Koha:Username"] = "librarybot",
            ["Catalog:Koha:Password"] = "secret",
            ["Catalog:Sru:BaseUrl"] = "https://koha.example.org:9999/biblios",
        });
        builder.Services.AddLogging();

        builder.AddCatalogue();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal("KohaCatalogue", Assert.IsType<MeteredCatalogue>(services.GetRequiredService<ICatalogue>()).Inner.GetType().Name);
        Assert.IsType<SruCatalogueSearch>(Assert.IsType<MeteredCatalogueSearch>(services.GetRequiredService<ICatalogueSearch>()).Inner);
    }
}
