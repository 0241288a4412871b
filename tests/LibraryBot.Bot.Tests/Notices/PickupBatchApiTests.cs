using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// <c>POST /api/staff/notices/batch</c> against the real server: a librarian pastes card and phone numbers, sees who
/// is told on which chat and who cannot be reached and why (nothing sent), sends through the notice ledger (each patron
/// told once per branch and day, in their language, at the fake Graph API), and gets a 400 naming each bad input.
/// </summary>
public sealed class PickupBatchApiTests(NoticesServer server) : IClassFixture<NoticesServer>
{
    private const string Batch = "/api/staff/notices/batch";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_ListsWhoIsToldOnWhichChatAndWhoCannotBeReachedAndWhy_AndSendsNothing()
    {
        var wei = await LinkAsync(Phones.UnitedStates, "29000100000029", "2468", accept: true);
        await LinkAsync(Phones.UnitedStates, "29000100000037", "1357", accept: false);
        using var librarian = await server.StaffAsync("batch-preview", "librarian");

        var answer = await librarian.PostAsJsonAsync(Batch, new
        {
            cards = new[] { "29000100000029\n29000100000037, 29000100000052", "29000199999999", "+12", "hello", "+" + wei },
            branch = "central",
            send = false,
        }, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.IsSuccessStatusCode, text);
        var view = JsonNode.Parse(text)!;

        var told = Assert.Single(view["recipients"]!.AsArray())!;
        Assert.Equal((1, "••••0029", "Wei", "WhatsApp", "English", "ready"),
            ((int)told["line"]!, (string?)told["entry"], (string?)told["patron"], (string?)told["channel"], (string?)told["languageName"], (string?)told["status"]));
        Assert.Equal($"+1 555 ••• {wei[^4..]}", (string?)told["address"]);
        var why = view["unreachable"]!.AsArray().Select(p => ((int)p!["line"]!, (string)p["entry"]!, (string)p["reason"]!)).ToList();
        Assert.Collection(why,
            p => Assert.Equal((2, "••••0037"), (p.Item1, p.Item2)),
            p => Assert.Equal((2, "••••0052"), (p.Item1, p.Item2)),
            p => Assert.Equal((3, "••••9999"), (p.Item1, p.Item2)),
            p => Assert.Equal(4, p.Item1),
            p => Assert.Equal(5, p.Item1),
            p => Assert.Equal((6, $"+1 555 ••• {wei[^4..]}"), (p.Item1, p.Item2)));
        Assert.StartsWith("no notice consent: notices are not turned on in the patron's WhatsApp chat", why[0].Item3, StringComparison.Ordinal);
        Assert.StartsWith("no linked chat: Carlos has not linked this card", why[1].Item3, StringComparison.Ordinal);
        Assert.StartsWith("unknown card", why[2].Item3, StringComparison.Ordinal);
        Assert.StartsWith("invalid phone number", why[3].Item3, StringComparison.Ordinal);
        Assert.StartsWith("neither a card number", why[4].Item3, StringComparison.Ordinal);
        Assert.Equal("the same patron and chat as line 1: told once", why[5].Item3);
        Assert.Equal("📚 Your book is ready for collection at the Central Library issue desk.", (string?)view["messages"]!["en"]);
        Assert.Equal((false, 1, 0), ((bool)view["sent"]!, (int)view["ready"]!, (int)view["queued"]!));

        // Never a whole card or phone number; and nothing went to the ledger or the patron.
        Assert.DoesNotContain("29000100000029", text, StringComparison.Ordinal);
        Assert.DoesNotContain(wei, text, StringComparison.Ordinal);
        Assert.Empty(await PickupNoticesAsync(librarian, "Wei"));
        Assert.DoesNotContain(await SentTextsAsync(wei), t => t.Contains("ready for collection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_TellsThePatronInTheirLanguageThroughTheLedger_AndTheSameBatchAgainTellsNobodyTwice()
    {
        var mei = await LinkAsync(Phones.Spain, "29000100000045", "8080", accept: true, language: "es");
        using var librarian = await server.StaffAsync("batch-send", "librarian");
        var request = new { cards = new[] { "29000100000045" }, branch = "riverside", send = true };

        var first = await PostAsync(librarian, request);
        Assert.Equal((true, 1, 0), ((bool)first["sent"]!, (int)first["queued"]!, (int)first["alreadySent"]!));
        Assert.Equal(("queued", "Spanish"), ((string?)first["recipients"]![0]!["status"], (string?)first["recipients"]![0]!["languageName"]));
        const string Spanish = "Tu libro está listo para recoger en el mostrador de préstamo de Riverside Branch.";
        await server.Bot.WaitUntilAsync(async () => (await SentTextsAsync(mei)).Any(t => t.Contains(Spanish, StringComparison.Ordinal)), "the pickup notice at the fake Graph API");

        var again = await PostAsync(librarian, request);
        Assert.Equal((1, 0), ((int)again["alreadySent"]!, (int)again["queued"]!));
        Assert.Equal("already-sent", (string?)again["recipients"]![0]!["status"]);
        await Task.Delay(1500, Ct);
        var texts = await SentTextsAsync(mei);
        Assert.Single(texts, t => t.Contains(Spanish, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Hola Mei, un aviso de Alder Bay Public Library", StringComparison.Ordinal));

        // The ledger lists it like any notice (no patron id in the answer), and it went out.
        var notice = Assert.Single(await PickupNoticesAsync(librarian, "Mei"))!;
        Assert.Equal(("Riverside Branch", "WhatsApp"), ((string?)notice["branch"], (string?)notice["channel"]));
        Assert.Contains((string?)notice["delivery"], new[] { "sent", "delivered", "read" });
        Assert.Null(notice["patronId"]);
    }

    [Theory]
    [InlineData("", "The body must be a JSON object like")]
    [InlineData("{\"cards\": 5, \"branch\": \"central\"}", "cards must be a list of card or phone numbers")]
    [InlineData("{\"cards\": [], \"branch\": \"central\"}", "Paste at least one card number or phone number")]
    [InlineData("{\"cards\": [\"29000100000011\"]}", "Choose the branch where the items are ready: one of central (Central Library)")]
    [InlineData("{\"cards\": [\"29000100000011\"], \"branch\": \"mars\"}", "'mars' is not a branch of the library")]
    [InlineData("{\"cards\": [\"29000100000011\"], \"branch\": \"central\", \"send\": \"yes\"}", "send must be true (send) or false (preview)")]
    public async Task BadInput_Gets400NamingTheProblem_AndNothingIsSent(string body, string problem)
    {
        using var librarian = await server.StaffAsync("batch-bad", "librarian");

        var answer = await librarian.PostAsync(Batch, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(problem, (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);
        Assert.Empty(await PickupNoticesAsync(librarian, "Ana"));
    }

    [Fact]
    public async Task BadInput_WhenTheBatchIsTooLong_SaysHowLongItMayBe()
    {
        using var librarian = await server.StaffAsync("batch-long", "librarian");
        var cards = string.Join("\n", Enumerable.Range(0, 301).Select(i => $"29000100{i:D6}"));

        var answer = await librarian.PostAsJsonAsync(Batch, new { cards = new[] { cards }, branch = "central" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("A batch takes at most 300 card or phone numbers; this one has 301", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_WithoutSignIn_Is401_AndForOutreach_Is403_WhileOutreachMayListTheBranches()
    {
        var request = new { cards = new[] { "29000100000011" }, branch = "central" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Bot.Http.PostAsJsonAsync(Batch, request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Bot.Http.GetAsync("/api/staff/notices/branches", Ct)).StatusCode);

        using var outreach = await server.StaffAsync("batch-outreach", "outreach");
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.PostAsJsonAsync(Batch, request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outreach.GetAsync("/api/staff/notices/branches", Ct)).StatusCode);

        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var branches = JsonNode.Parse(await admin.GetStringAsync("/api/staff/notices/branches", Ct))!.AsArray();
        Assert.Equal(["Central Library", "Riverside Branch", "Jade Street Branch"], branches.Select(b => (string?)b!["name"]));
    }

    private Task<string> LinkAsync(string country, string card, string pin, bool accept, string language = "en") =>
        NoticePatrons.LinkAsync(server.Bot, country, card, pin, accept, language);

    private async Task<JsonNode> PostAsync(HttpClient staff, object request)
    {
        var answer = await staff.PostAsJsonAsync(Batch, request, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<IReadOnlyList<JsonNode?>> PickupNoticesAsync(HttpClient staff, string patron) =>
        [.. JsonNode.Parse(await staff.GetStringAsync($"/api/staff/notices?kind=PickupReady&patron={patron}", Ct))!["notices"]!.AsArray()];

    private async Task<IReadOnlyList<string>> SentTextsAsync(string phone) =>
        [.. (await server.SentToAsync(phone)).Select(b => b.ToJsonString(Readable))];
}
