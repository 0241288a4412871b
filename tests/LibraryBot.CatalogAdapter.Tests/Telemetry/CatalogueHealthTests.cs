using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter.Tests.Telemetry;

/// <summary>Each adapter adds a reachability health check, named after it, that fails when its library system does not answer.</summary>
public sealed class CatalogueHealthTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("librarybot-health-").FullName;

    [Fact]
    public async Task CatalogueHealth_WhenEmbedded_IsHealthy()
    {
        using var host = Build([]);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, report.Entries["catalogue-embedded"].Status);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CatalogueHealth_WhenKohaAndSruAreOnAClosedPort_ReportsBothUnhealthy()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}";
        using var host = Build([
            new("Catalog:Provider", "Koha"),
            new("Catalog:Search", "Sru"),
            new("Catalog:Koha:BaseUrl", closed + "/api/v1"),
            new("Catalog:Koha:Username", "librarybot"),
            new("Catalog:Koha:Password", "secret"),
            new("Catalog:Koha:TimeoutMs", "2000"),
            new("Catalog:Sru:BaseUrl", closed + "/biblios"),
            new("Catalog:Sru:TimeoutMs", "2000"),
        ]);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["catalogue-koha"].Status);
        Assert.StartsWith("the Koha REST API does not answer", report.Entries["catalogue-koha"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["catalogue-sru"].Status);
        Assert.StartsWith("the SRU server does not answer", report.Entries["catalogue-sru"].Description, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private IHost Build(KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCatalogue();
        return builder.Build();
    }
}
