using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>A fresh database on the fixture's endpoint for a server test: its settings (environment names), and deleted afterwards.</summary>
internal sealed class CosmosTestDatabase : IAsyncDisposable
{
    private CosmosTestDatabase(CosmosStorage storage, IReadOnlyDictionary<string, string> settings)
    {
        Storage = storage;
        Settings = settings;
    }

    public CosmosStorage Storage { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The same settings as configuration keys (<c>Storage:Provider</c>…), for a bot built in the test's process.</summary>
    public Dictionary<string, string?> ConfigurationSettings() =>
        Settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);

    public static async Task<CosmosTestDatabase> CreateAsync(CosmosEndpointFixture endpoint, string testName)
    {
        var options = CosmosSubjects.Options(endpoint, testName);
        var storage = new CosmosStorage(options, NullLogger<CosmosStorage>.Instance);
        await CosmosSubjects.CreateRoutableDatabaseAsync(storage.Client, options.Database);
        return new CosmosTestDatabase(storage, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Cosmos",
            ["Storage__Cosmos__Endpoint"] = endpoint.Endpoint,
            ["Storage__Cosmos__Key"] = endpoint.Key,
            ["Storage__Cosmos__Database"] = options.Database,
            ["Storage__Cosmos__AcceptAnyServerCertificate"] = options.AcceptAnyServerCertificate ? "true" : "false",
        });
    }

    /// <summary>How many documents of this type the database holds (across partitions).</summary>
    public async Task<int> CountAsync(string type) =>
        await CosmosSubjects.CountAsync(await Storage.GetContainerAsync(TestContext.Current.CancellationToken),
            new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = @type").WithParameter("@type", type), null);

    public async ValueTask DisposeAsync()
    {
        await Storage.Client.GetDatabase(Settings["Storage__Cosmos__Database"]).DeleteAsync();
        Storage.Dispose();
    }
}
