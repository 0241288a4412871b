using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Tests.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>
/// The real server with <c>Storage:Provider=Cosmos</c> (the local test server, or the endpoint the environment names):
/// the librarians' console works end to end on Cosmos DB, nothing of it in a SQLite file.
/// </summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosConsoleServerTests(CosmosEndpointFixture endpoint)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_OnCosmosDb_SignsInQueuesClaimsOnceRepliesRecordsAndManagesStaff()
    {
        await using var database = await CosmosConsoleDatabase.CreateAsync(endpoint, "console");
        var server = new CosmosStaffServer(database.Settings);
        await server.InitializeAsync();
        try
        {
            const string patron = "34611000101";
            using var first = await server.StaffAsync("marta", "librarian");
            using var second = await server.StaffAsync("li", "librarian");

            var id = await server.EscalateAsync(first, patron);
            var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)));
            var owners = new HashSet<string>();
            foreach (var claim in claims)
            {
                Assert.Contains(claim.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
                owners.Add((string)JsonNode.Parse(await claim.Content.ReadAsStringAsync(Ct))!["owner"]!);
            }

            var winner = Assert.Single(owners);
            var (owner, other) = winner == "marta" ? (first, second) : (second, first);
            Assert.Equal(winner, (string?)(await StaffServer.QueueRowAsync(owner, id))["owner"]);
            Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "not mine" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "Your book is at the front desk." }, Ct)).StatusCode);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["text"]?["body"] == "Your book is at the front desk."),
                "the librarian's reply at the fake Graph API");

            var view = JsonNode.Parse(await owner.GetStringAsync($"/api/staff/conversations/{id}", Ct))!;
            var transcript = view["transcript"]!.AsArray();
            Assert.Contains(transcript, l => (string?)l!["text"] == "librarian" && (string?)l["author"] == "Patron");
            Assert.Contains(transcript, l => (string?)l!["text"] == "Your book is at the front desk." && (string?)l["author"] == "Staff");

            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/staff/conversations/{id}/close", null, Ct)).StatusCode);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["interactive"]?["type"] == "list"), "the survey");
            await server.SayAsync(patron, ["5"]);
            await server.Bot.WaitUntilAsync(async () => await database.CountAsync("handoff-rating") == 1, "the patron's rating in Cosmos DB");

            using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/staff/accounts/li/disable", null, Ct)).StatusCode);
            var refused = await server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username = "li", password = StaffServer.StaffPassword }, Ct);
            Assert.False(refused.IsSuccessStatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/staff/accounts/{StaffServer.AdminUser}/disable", null, Ct)).StatusCode);

            var staff = new CosmosStaffStore(database.Storage);
            var accounts = (await staff.ListAsync(Ct)).ToDictionary(a => a.Username, a => a.Disabled);
            Assert.Equal((false, true, false), (accounts["admin"], accounts["li"], accounts["marta"]));
            Assert.Contains(await staff.ListAuditAsync(null, 100, Ct), e => e.Username == "admin" && e.Action.Contains("disable", StringComparison.OrdinalIgnoreCase) && e.Target == "li");
            Assert.Contains(await staff.ListAuditAsync(new Channels.Activities.ConversationRef(Channels.Activities.ChannelId.WhatsApp,
                Channels.WhatsApp.WhatsAppSandboxDefaults.PhoneNumberId, patron).Key, 100, Ct), e => e.Username == winner);
            Assert.False(File.Exists(server.Bot.DatabasePath), "A SQLite file was written although the store is Cosmos DB.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConsoleInTheBrowser_OnCosmosDb_ClaimsRepliesSeesThePatronLiveAndHandsBack()
    {
        await using var database = await CosmosConsoleDatabase.CreateAsync(endpoint, "consolebrowser");
        var server = new CosmosStaffServer(database.Settings);
        await server.InitializeAsync();
        try
        {
            await ConsoleBrowserTests.ClaimReplyAndHandBackAsync(server, "15550002901", "console-claim-cosmos");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The staff server on a Cosmos DB database.</summary>
    private sealed class CosmosStaffServer(IReadOnlyDictionary<string, string> cosmos) : StaffServer
    {
        protected override IReadOnlyDictionary<string, string> MoreSettings => cosmos;
    }
}

/// <summary>A fresh database on the fixture's endpoint for a server test: its settings (environment names), and deleted afterwards.</summary>
internal sealed class CosmosConsoleDatabase : IAsyncDisposable
{
    private CosmosConsoleDatabase(CosmosStorage storage, IReadOnlyDictionary<string, string> settings)
    {
        Storage = storage;
        Settings = settings;
    }

    public CosmosStorage Storage { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<CosmosConsoleDatabase> CreateAsync(CosmosEndpointFixture endpoint, string testName)
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var options = new LibraryBot.Bot.Storage.CosmosStorageOptions
        {
            Endpoint = endpoint.Endpoint,
            Key = endpoint.Key,
            Database = $"lbtest-{testName}-{Guid.NewGuid():N}"[..40],
            AcceptAnyServerCertificate = new Uri(endpoint.Endpoint).IsLoopback,
        };
        var storage = new CosmosStorage(options, NullLogger<CosmosStorage>.Instance);
        await CosmosSubjects.CreateRoutableDatabaseAsync(storage.Client, options.Database);
        return new CosmosConsoleDatabase(storage, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Cosmos",
            ["Storage__Cosmos__Endpoint"] = options.Endpoint,
            ["Storage__Cosmos__Key"] = options.Key,
            ["Storage__Cosmos__Database"] = options.Database,
            ["Storage__Cosmos__AcceptAnyServerCertificate"] = options.AcceptAnyServerCertificate ? "true" : "false",
        });
    }

    /// <summary>How many documents of this type the database holds (across partitions).</summary>
    public async Task<int> CountAsync(string type)
    {
        var container = await Storage.GetContainerAsync(TestContext.Current.CancellationToken);
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = @type").WithParameter("@type", type);
        using var iterator = container.GetItemQueryIterator<int>(query);
        var total = 0;
        while (iterator.HasMoreResults)
        {
            total += (await iterator.ReadNextAsync(TestContext.Current.CancellationToken)).Sum();
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.Client.GetDatabase(Settings["Storage__Cosmos__Database"]).DeleteAsync();
        Storage.Dispose();
    }
}
