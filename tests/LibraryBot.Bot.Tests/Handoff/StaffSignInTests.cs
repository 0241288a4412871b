using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>Signing in to the staff API of the real server: errors, presence, what patrons see of staff, what the log keeps.</summary>
public sealed class StaffSignInTests(StaffServer server) : IClassFixture<StaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WhenThePasswordIsWrong_Returns401SayingWrongUsernameOrPassword()
    {
        var response = await server.Bot.Http.PostAsJsonAsync("/api/staff/login?useCookies=true", new { username = StaffServer.AdminUser, password = "wrong-password" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Wrong username or password.", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]);
    }

    [Fact]
    public async Task Login_WhenALibrarianSignsInDuringStaffedHours_TheyAreAvailableAndThePatronIsNotToldAllAreBusy()
    {
        using var librarian = await server.StaffAsync("present1", "librarian");

        var me = JsonNode.Parse(await librarian.GetStringAsync("/api/staff/me", Ct))!;
        Assert.True((bool)me["available"]!);

        var id = await server.EscalateAsync(librarian, "15550005001");
        var transcript = JsonNode.Parse(await librarian.GetStringAsync($"/api/staff/conversations/{id}", Ct))!["transcript"]!.AsArray();
        Assert.Contains(transcript, l => ((string?)l!["text"])?.Contains("asked a librarian", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(transcript, l => ((string?)l!["text"])?.Contains("busy", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Logout_WhenTheLibrarianSignsOut_TheyAreAway()
    {
        using var librarian = await server.StaffAsync("leaver1", "librarian");
        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync("/api/staff/logout", null, Ct)).StatusCode);

        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var accounts = JsonNode.Parse(await admin.GetStringAsync("/api/staff/accounts", Ct))!.AsArray();
        Assert.False((bool)accounts.Single(a => (string?)a!["username"] == "leaver1")!["available"]!);
    }

    [Fact]
    public async Task Claim_WhenTheAdminFromSettingsJoins_ThePatronSeesTheDisplayNameNotTheUsername()
    {
        const string patron = "15550005002";
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var id = await server.EscalateAsync(admin, patron);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);

        await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b =>
            ((string?)b["text"]?["body"])?.StartsWith($"{StaffServer.AdminDisplayName}, a librarian, has joined", StringComparison.Ordinal) == true),
            "the joined notice naming the admin's display name");
        Assert.DoesNotContain(await server.SentToAsync(patron), b => ((string?)b["text"]?["body"])?.Contains("admin,", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CreateAccount_WhenNoDisplayNameIsGiven_IsRefusedSoPatronsNeverSeeAUsername()
    {
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);

        var response = await admin.PostAsJsonAsync("/api/staff/accounts", new { username = "nameless1", role = "librarian", password = StaffServer.StaffPassword }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]!["displayName"]);
    }

    [Fact]
    public async Task Logs_WhenStaffSignInOrActOrAStrangerTriesAPhoneNumber_HoldNoUsernameInClear()
    {
        const string typedByAPatron = "34699887766";
        var refused = await server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username = typedByAPatron, password = "1234-my-pin" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var librarian = await server.StaffAsync("clearname-check", "librarian");
        var id = await server.EscalateAsync(librarian, "15550005003");
        Assert.Equal(HttpStatusCode.OK, (await librarian.PostAsync($"/api/staff/conversations/{id}/claim", null, Ct)).StatusCode);

        await server.Bot.WaitUntilAsync(() => Task.FromResult(server.Bot.Output.Contains("did claim", StringComparison.Ordinal)), "the claim's log line");
        Assert.DoesNotContain(typedByAPatron, server.Bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1234-my-pin", server.Bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("clearname-check", server.Bot.Output, StringComparison.Ordinal);
    }
}
