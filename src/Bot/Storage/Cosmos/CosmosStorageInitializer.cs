using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>Creates the database and container at start, so a wrong endpoint or key stops the host at once.</summary>
internal sealed class CosmosStorageInitializer(CosmosStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.GetContainerAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
