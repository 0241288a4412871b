using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Storage;

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
    public Task Console_OnCosmosDb_SignsInQueuesClaimsOnceRepliesRecordsAndManagesStaff() => OnCosmosAsync("console", async (server, database) =>
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
        });

    [Fact]
    public Task ConsoleInTheBrowser_OnCosmosDb_ClaimsRepliesSeesThePatronLiveAndHandsBack() => OnCosmosAsync("consolebrowser", (server, _) =>
        ConsoleBrowserTests.ClaimReplyAndHandBackAsync(server, "15550002901", "console-claim-cosmos"));

    [Fact]
    public Task PickupBatch_OnCosmosDb_FindsThePatronsChatByCardAndByNumberAndTellsThemOnce() => OnCosmosAsync("pickupbatch", async (server, _) =>
    {
        const string mei = "34611000201";
        using var librarian = await server.StaffAsync("batch-cosmos", "librarian");
        await server.SayAsync(mei, ["link card", "29000100000045", "8080", "yes"]);
        var preview = new { cards = new[] { "29000100000045", "+" + mei }, branch = "riverside", send = false };
        await server.Bot.WaitUntilAsync(async () => (int?)(await BatchAsync(librarian, preview))["ready"] == 1, "the linked patron with notices on, found by card");

        var request = preview with { send = true };
        var first = await BatchAsync(librarian, request);
        const string Told = "ready for collection at the Riverside Branch issue desk";
        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(mei)).Any(b => b.ToJsonString().Contains(Told, StringComparison.Ordinal)),
            "the pickup notice at the fake Graph API");
        var again = await BatchAsync(librarian, request);

        Assert.Equal((true, 1), ((bool)first["sent"]!, (int)first["queued"]!));
        Assert.Equal("the same patron and chat as line 1: told once", (string?)Assert.Single(first["unreachable"]!.AsArray())!["reason"]);
        Assert.Equal((1, 0), ((int)again["alreadySent"]!, (int)again["queued"]!));
    });

    private static async Task<JsonNode> BatchAsync(HttpClient staff, object request)
    {
        var answer = await staff.PostAsJsonAsync("/api/staff/notices/batch", request, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Runs <paramref name="test"/> against a staff server on a fresh Cosmos DB database, both gone afterwards.</summary>
    private async Task OnCosmosAsync(string name, Func<StaffServer, CosmosTestDatabase, Task> test)
    {
        await using var database = await CosmosTestDatabase.CreateAsync(endpoint, name);
        var server = new CosmosStaffServer(database.Settings);
        await server.InitializeAsync();
        try
        {
            await test(server, database);
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
