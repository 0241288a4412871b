using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Creates and seeds the demo library at start, so the first patron does not wait for it.</summary>
internal sealed class EmbeddedCatalogueInitializer(EmbeddedCatalogue catalogue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalogue.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
