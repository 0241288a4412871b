using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The staff API of the real server: sign-in, roles, audit, claims racing, and the WhatsApp window rule.</summary>
public sealed class StaffApiTests(StaffServer server) : IClassFixture<StaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/staff/queue")]
    [InlineData("GET", "/api/staff/conversations/d2E6MTox")]
    [InlineData("POST", "/api/staff/conversations/d2E6MTox/claim")]
    [InlineData("POST", "/api/staff/conversations/d2E6MTox/close")]
    [InlineData("POST", "/console/hub/negotiate?negotiateVersion=1")]
    public async Task StaffApi_WhenUnauthenticated_Returns401WithoutRedirect(string method, string path)
    {
        var response = await server.Bot.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Login_WhenThePasswordIsWrong_Returns401()
    {
        var response = await server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username = StaffServer.AdminUser, password = "wrong-password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WhenTheTokenIsForged_Returns401()
    {
        using var forged = new HttpClient { BaseAddress = server.Bot.BaseAddress };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/staff/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Conversation_WhenOutreachReadsATranscript_Returns403ButSeesTheQueue()
    {
        using var librarian = await server.StaffAsync("lib-outreach-check", "librarian");
        var id = await server.EscalateAsync(librarian, "34611000001");
        using var outreach = await server.StaffAsync("outreach1", "outreach");

        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync($"/api/staff/conversations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outreach.GetAsync("/api/staff/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Claim_WhenTwoLibrariansClaimAtOnce_ExactlyOneWins()
    {
        using var first = await server.StaffAsync("racer1", "librarian");
        using var second = await server.StaffAsync("racer2", "librarian");
        var id = await server.EscalateAsync(first, "34611000002");

        var attempts = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? first : second).PostAsync($"/api/staff/conversations/{id}/claim", null, Ct));
        var responses = await Task.WhenAll(attempts);
        var owners = new HashSet<string>();
        foreach (var response in responses)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            owners.Add((string)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["owner"]!);
        }

        var winner = Assert.Single(owners);
        var loser = winner == "racer1" ? second : first;
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var again = await loser.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var reply = await loser.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "not mine" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
    }

    [Fact]
    public async Task Reply_WhenThePatronLastWroteOver24HoursAgo_SendsTheTemplateAndTheTextWhenThePatronWritesBack()
    {
        const string patron = "34611000003";
        using var librarian = await server.StaffAsync("window1", "librarian");
        var id = await server.EscalateAsync(librarian, patron, DateTimeOffset.UtcNow.AddHours(-25));
        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);

        var view = JsonNode.Parse(await librarian.GetStringAsync($"/api/staff/conversations/{id}", Ct))!;
        Assert.False((bool)view["window"]!["open"]!);
        Assert.True((bool)view["window"]!["templateNeeded"]!);

        var response = await librarian.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "Your book is at the front desk." }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["sentAsTemplate"]!);
        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["template"]?["name"] == "librarybot_handoff_reply"), "the HandoffReply template at the fake Graph API");
        Assert.DoesNotContain(await server.SentToAsync(patron), b => (string?)b["text"]?["body"] == "Your book is at the front desk.");

        var back = WhatsAppWebhook.TextBody(patron, "ok, I'm here");
        Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, back)).IsSuccessStatusCode);
        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["text"]?["body"] == "Your book is at the front desk."), "the held text once the patron wrote back");
    }

    [Fact]
    public async Task Conversation_WhenALibrarianReadsIt_IsAuditedAndShowsTheTranscript()
    {
        using var librarian = await server.StaffAsync("auditor1", "librarian");
        var id = await server.EscalateAsync(librarian, "34611000004");

        var view = JsonNode.Parse(await librarian.GetStringAsync($"/api/staff/conversations/{id}", Ct))!;

        Assert.Contains(view["transcript"]!.AsArray(), l => (string?)l!["text"] == "librarian" && (string?)l["author"] == "Patron");
        Assert.Equal(4, view["cannedReplies"]!.AsArray().Count);
        Assert.True(server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE username = 'auditor1' AND action = 'read'") >= 1);
    }

    [Fact]
    public async Task Login_WhenTheBodyIsLarge_IsRefusedWith413()
    {
        var body = new StringContent("{\"username\":\"" + new string('a', 64 * 1024) + "\",\"password\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await server.Bot.Http.PostAsync("/api/staff/login", body, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Transfer_WhenTheOwnerTransfers_OnlyTheColleagueCanReplyAfterwards()
    {
        using var first = await server.StaffAsync("transfer1", "librarian");
        using var second = await server.StaffAsync("transfer2", "librarian");
        var id = await server.EscalateAsync(first, "15550003001");
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);

        var transfer = await first.PostAsJsonAsync($"/api/staff/conversations/{id}/transfer", new { to = "transfer2" }, Ct);
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "still me?" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync($"/api/staff/conversations/{id}/messages", new { text = "Hi, I'm taking over." }, Ct)).StatusCode);
        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync("15550003001")).Any(b => (string?)b["text"]?["body"] == "Hi, I'm taking over."), "the colleague's reply");

        var toOutreach = await second.PostAsJsonAsync($"/api/staff/conversations/{id}/transfer", new { to = "nobody-here" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, toOutreach.StatusCode);
    }

    [Fact]
    public async Task Close_WhenTheLibrarianCloses_ThePatronGetsTheSurveyAsAValidWhatsAppList()
    {
        const string patron = "15550003002";
        using var librarian = await server.StaffAsync("closer1", "librarian");
        var id = await server.EscalateAsync(librarian, patron);
        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/staff/conversations/{id}/close", null, Ct)).StatusCode);

        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b =>
            (string?)b["interactive"]?["type"] == "list" && b["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray().Count == 5),
            "the 1–5 survey accepted by the fake Graph API");
        Assert.DoesNotContain(JsonNode.Parse(await librarian.GetStringAsync("/api/staff/queue", Ct))!["items"]!.AsArray(), i => (string?)i!["id"] == id);
    }

    [Fact]
    public async Task OpenApi_WhenRequested_DocumentsTheStaffApi()
    {
        var document = JsonNode.Parse(await server.Bot.Http.GetStringAsync("/openapi/v1.json", Ct))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/api/staff/login", paths);
        Assert.Contains("/api/staff/queue", paths);
        Assert.Contains("/api/staff/conversations/{id}/claim", paths);
        Assert.Contains("/api/staff/conversations/{id}/messages", paths);
    }
}
