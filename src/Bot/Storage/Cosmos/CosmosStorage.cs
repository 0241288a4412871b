using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// The Cosmos DB client (Gateway mode, System.Text.Json with <see cref="StoreJson.Options"/>) and the one container
/// every store uses, partitioned by conversation key; the database and container are created when missing.
/// </summary>
public sealed class CosmosStorage : IDisposable
{
    public const string ContainerName = "conversations";
    public const string PartitionKeyPath = "/pk";

    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly string _database;
    private readonly ILogger<CosmosStorage> _logger;
    private Container? _container;

    public CosmosStorage(CosmosStorageOptions options, ILogger<CosmosStorage> logger)
    {
        _database = options.Database;
        _logger = logger;
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "LibraryBot",
            ConnectionMode = ConnectionMode.Gateway,
            UseSystemTextJsonSerializerWithOptions = StoreJson.Options,
        };
        if (options.AcceptAnyServerCertificate)
        {
            // Local test endpoints only (the validator allows it for loopback hosts): their certificates are self-signed.
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        Client = new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }

    public CosmosClient Client { get; }

    /// <summary>This process's memory of which partition recent dedupe keys and reply ids live in.</summary>
    internal PartitionHints Hints { get; } = new();

    /// <summary>The container, created (with its database) on first use.</summary>
    public async Task<Container> GetContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_container is null)
            {
                Database database = await Client.CreateDatabaseIfNotExistsAsync(_database, cancellationToken: cancellationToken).ConfigureAwait(false);
                var response = await database.CreateContainerIfNotExistsAsync(
                    new ContainerProperties(ContainerName, PartitionKeyPath), cancellationToken: cancellationToken).ConfigureAwait(false);
                CosmosStorageLog.ContainerReady(_logger, _database, ContainerName, response.StatusCode == HttpStatusCode.Created);
                _container = response.Container;
            }

            return _container;
        }
        finally
        {
            _initGate.Release();
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _initGate.Dispose();
    }
}
