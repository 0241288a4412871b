using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Tests.Storage;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>The broadcast ledger with the whole bot on Cosmos DB: chosen by <c>Storage:Provider</c>, and "delete my data" forgets the sign-up.</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosBroadcastStoreErasureTests(CosmosEndpointFixture endpoint)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteMyData_OnCosmosDb_ForgetsTheSignUpAndKeepsTheRecipient()
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var options = new CosmosStorageOptions
        {
            Endpoint = endpoint.Endpoint,
            Key = endpoint.Key,
            Database = $"lbtest-bcasterase-{Guid.NewGuid():N}"[..40],
            AcceptAnyServerCertificate = new Uri(endpoint.Endpoint).IsLoopback,
        };
        using var storage = new CosmosStorage(options, NullLogger<CosmosStorage>.Instance);
        await CosmosSubjects.CreateRoutableDatabaseAsync(storage.Client, options.Database);
        try
        {
            await using var bot = TestBot.Create(settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Cosmos",
                ["Storage:Cosmos:Endpoint"] = options.Endpoint,
                ["Storage:Cosmos:Key"] = options.Key,
                ["Storage:Cosmos:Database"] = options.Database,
                ["Storage:Cosmos:AcceptAnyServerCertificate"] = options.AcceptAnyServerCertificate ? "true" : "false",
            });
            var store = Assert.IsType<CosmosBroadcastStore>(bot.Services.GetRequiredService<IBroadcastStore>());
            var chat = bot.Conversation.Key;
            await bot.SendAsync("hello");
            await store.AddSubscriberAsync(chat, bot.Clock.GetUtcNow(), Ct);
            await store.AddRecipientsAsync([new BroadcastRecipient("b-1", chat, "whatsapp", "en", RecipientStatus.Pending, null, bot.Clock.GetUtcNow())], Ct);
            await store.MarkAsync("b-1", [chat], RecipientStatus.Queued, null, bot.Clock.GetUtcNow(), Ct);

            await bot.SendAsync("delete my data");
            await bot.ChooseAsync("yes");

            Assert.Empty(await store.SubscribersAsync(Ct));
            Assert.Equal(RecipientStatus.Queued, (await store.FindRecipientAsync("b-1", chat, Ct))!.Status);
        }
        finally
        {
            await storage.Client.GetDatabase(options.Database).DeleteAsync(cancellationToken: Ct);
        }
    }
}
