using LibraryBot.CatalogAdapter;
using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.CatalogAdapter.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>AddCatalogue: the default wiring, options validation and the database path.</summary>
public sealed class CatalogueRegistrationTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("librarybot-host-").FullName;

    [Fact]
    public async Task AddCatalogue_WhenNotConfigured_ServesEmbeddedFromContentRoot()
    {
        using var host = Build([]);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var catalogue = host.Services.GetRequiredService<ICatalogue>();

        Assert.IsType<EmbeddedCatalogue>(Assert.IsType<MeteredCatalogue>(catalogue).Inner);
        Assert.Same(catalogue, host.Services.GetRequiredService<ICatalogueSearch>());
        Assert.True(File.Exists(Path.Combine(root, "data", "demo-library.db")));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AddCatalogue_WhenTimeZoneUnknown_FailsNamingTheKey()
    {
        using var host = Build([new("Catalog:Embedded:TimeZone", "Mars/Olympus")]);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EmbeddedCatalogueOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Catalog:Embedded:TimeZone:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCatalogue_WhenProviderUnknown_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build([new("Catalog:Provider", "Folio")]));

        Assert.StartsWith("Catalog:Provider:", error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private IHost Build(KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCatalogue();
        return builder.Build();
    }
}
