using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class StorageOptionsTests
{
    private const string Key = CosmosEndpointFixture.EmulatorKey;

    [Fact]
    public void Validate_WhenCosmosSettingsComplete_Passes() =>
        Assert.Empty(Errors(("Provider", "Cosmos"), ("Cosmos:Endpoint", "https://library.documents.azure.com:443/"), ("Cosmos:Key", Key)));

    [Fact]
    public void Validate_WhenCosmosEndpointMissingAndKeyNotBase64_NamesBothKeys()
    {
        var errors = Errors(("Provider", "Cosmos"), ("Cosmos:Key", "not a key!"));

        Assert.Contains(errors, e => e.StartsWith("Storage:Cosmos:Endpoint: must be the account's https:// endpoint", StringComparison.Ordinal));
        Assert.Contains("Storage:Cosmos:Key: must be the account key (base64)", errors);
    }

    [Fact]
    public void Validate_WhenAcceptAnyCertificateForRemoteEndpoint_Fails() =>
        Assert.Contains(
            "Storage:Cosmos:AcceptAnyServerCertificate: may only be true for a local (loopback) endpoint such as the emulator or the test server",
            Errors(("Provider", "Cosmos"), ("Cosmos:Endpoint", "https://library.documents.azure.com:443/"), ("Cosmos:Key", Key), ("Cosmos:AcceptAnyServerCertificate", "true")));

    [Fact]
    public void Validate_WhenAcceptAnyCertificateForLoopback_Passes() =>
        Assert.Empty(Errors(("Provider", "Cosmos"), ("Cosmos:Endpoint", "https://127.0.0.1:8081/"), ("Cosmos:Key", Key), ("Cosmos:AcceptAnyServerCertificate", "true")));

    [Fact]
    public void Validate_WhenSqlite_IgnoresCosmosSettings() =>
        Assert.Empty(Errors(("Provider", "Sqlite"), ("Cosmos:AcceptAnyServerCertificate", "true")));

    [Theory]
    [InlineData("Cosmos", typeof(CosmosConversationStore), typeof(CosmosInboxStore), typeof(CosmosOutboxStore))]
    [InlineData(null, typeof(SqliteConversationStore), typeof(SqliteInboxStore), typeof(SqliteOutboxStore))]
    public void AddStorage_WhenProviderConfigured_RegistersThatProvidersStores(string? provider, Type conversations, Type inbox, Type outbox)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (provider is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Storage:Provider", provider)]);
        }

        StorageRegistration.AddStorage(builder);

        Type? Registered<T>() => builder.Services.Single(d => d.ServiceType == typeof(T)).ImplementationType;
        Assert.Equal((conversations, inbox, outbox), (Registered<IConversationStore>(), Registered<IInboxStore>(), Registered<IOutboxStore>()));
    }

    private static List<string> Errors(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Storage:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
    }
}
