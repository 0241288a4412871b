using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The admins' account management in the staff API of the real server: validation, roles, disabling, passwords, audit.</summary>
public sealed class StaffAccountsApiTests(StaffServer server) : IClassFixture<StaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WhenEveryFieldIsWrong_Returns400NamingEachProblem()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/staff/accounts", new { username = "a b", displayName = " ", role = "boss", password = "short" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("must be at least 10 characters", (string?)problem["errors"]!["password"]![0]);
        Assert.NotNull(problem["errors"]!["username"]);
        Assert.NotNull(problem["errors"]!["displayName"]);
        Assert.NotNull(problem["errors"]!["role"]);
        Assert.Contains("Password must be at least 10 characters.", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhenTheUsernameIsTakenInAnyCase_Returns409()
    {
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(admin, "unique1", "librarian")).StatusCode);

        var again = await CreateAsync(admin, "UNIQUE1", "librarian");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("taken", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_WhenALibrarianOrOutreachCalls_Return403()
    {
        using var librarian = await server.StaffAsync("not-admin1", "librarian");
        using var outreach = await server.StaffAsync("not-admin2", "outreach");

        foreach (var client in new[] { librarian, outreach })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff/accounts", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(client, "sneaky1", "admin")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/staff/accounts/admin/disable", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/staff/accounts/not-admin1/role", new { role = "admin" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/staff/accounts/admin/password", new { password = "taken-over-1" }, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Disable_WhenAnAdminDisablesAnAccount_ItsSessionEndsAndItCannotSignInUntilEnabled()
    {
        using var admin = await AdminAsync();
        using var librarian = await server.StaffAsync("leaving1", "librarian");

        var disabled = await admin.PostAsync("/api/staff/accounts/leaving1/disable", null, Ct);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((bool)JsonNode.Parse(await disabled.Content.ReadAsStringAsync(Ct))!["disabled"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await librarian.GetAsync("/api/staff/queue", Ct)).StatusCode);
        var refused = await server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username = "leaving1", password = StaffServer.StaffPassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("disabled", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/staff/accounts/leaving1/enable", null, Ct)).StatusCode);
        using var back = await server.SignInAsync("leaving1", StaffServer.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/staff/queue", Ct)).StatusCode);
        Assert.True(server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE username = 'admin' AND action = 'account.disable' AND target = 'leaving1'") == 1);
        Assert.True(server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE username = 'admin' AND action = 'account.enable' AND target = 'leaving1'") == 1);
    }

    [Fact]
    public async Task ResetPassword_WhenAnAdminSetsANewOne_OnlyTheNewOneSignsIn()
    {
        using var admin = await AdminAsync();
        await server.CreateStaffAsync("forgetful1", "librarian");

        var tooShort = await admin.PostAsJsonAsync("/api/staff/accounts/forgetful1/password", new { password = "short" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/staff/accounts/forgetful1/password", new { password = "brand-new-password" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username = "forgetful1", password = StaffServer.StaffPassword }, Ct)).StatusCode);
        using var signedIn = await server.SignInAsync("forgetful1", "brand-new-password");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/staff/accounts/nobody-here/password", new { password = "brand-new-password" }, Ct)).StatusCode);
        Assert.True(server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE action = 'account.password' AND target = 'forgetful1'") == 1);
    }

    [Fact]
    public async Task ChangeRole_WhenALibrarianBecomesOutreach_TheirOpenSessionLosesTranscriptsAtOnce()
    {
        using var admin = await AdminAsync();
        using var librarian = await server.StaffAsync("moving1", "librarian");
        var id = await server.EscalateAsync(librarian, "15550006001");
        Assert.Equal(HttpStatusCode.OK, (await librarian.GetAsync($"/api/staff/conversations/{id}", Ct)).StatusCode);

        var changed = await admin.PostAsJsonAsync("/api/staff/accounts/moving1/role", new { role = "outreach" }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("outreach", (string?)JsonNode.Parse(await changed.Content.ReadAsStringAsync(Ct))!["role"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await librarian.GetAsync($"/api/staff/conversations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/staff/accounts/moving1/role", new { role = "boss" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task DisableOrDemote_WhenItIsTheLastActiveAdmin_IsRefusedWith409()
    {
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(admin, "second-admin", "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/staff/accounts/second-admin/disable", null, Ct)).StatusCode);
        var accounts = JsonNode.Parse(await admin.GetStringAsync("/api/staff/accounts", Ct))!.AsArray();
        Assert.Equal(new[] { StaffServer.AdminUser }, accounts.Where(a => (string?)a!["role"] == "admin" && !(bool)a["disabled"]!).Select(a => (string)a!["username"]!));

        var disable = await admin.PostAsync("/api/staff/accounts/admin/disable", null, Ct);
        var demote = await admin.PostAsJsonAsync("/api/staff/accounts/admin/role", new { role = "librarian" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Contains("last active admin", (string?)JsonNode.Parse(await disable.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/staff/accounts", Ct)).StatusCode);
        Assert.True(server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE action = 'account.disable:LastActiveAdmin' AND target = 'admin'") == 1);
    }

    [Fact]
    public async Task DisplayName_WhenAnAdminRenamesAnAccount_TheListShowsIt()
    {
        using var admin = await AdminAsync();
        await server.CreateStaffAsync("renamed1", "librarian");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/staff/accounts/renamed1/display-name", new { displayName = "Lê Văn Tâm" }, Ct)).StatusCode);

        var accounts = JsonNode.Parse(await admin.GetStringAsync("/api/staff/accounts", Ct))!.AsArray();
        Assert.Equal("Lê Văn Tâm", (string?)accounts.Single(a => (string?)a!["username"] == "renamed1")!["displayName"]);
    }

    [Fact]
    public async Task OpenApi_WhenRequested_DocumentsAccountsAndTheSignInRefusals()
    {
        var document = JsonNode.Parse(await server.Bot.Http.GetStringAsync("/openapi/v1.json", Ct))!;
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/api/staff/accounts"]!["get"]);
        Assert.NotNull(paths["/api/staff/accounts"]!["post"]!["responses"]!["409"]);
        foreach (var action in new[] { "disable", "enable", "password", "role", "display-name" })
        {
            Assert.NotNull(paths[$"/api/staff/accounts/{{username}}/{action}"]?["post"]);
        }

        var login = paths["/api/staff/login"]!["post"]!["responses"]!;
        Assert.NotNull(login["401"]);
        Assert.NotNull(login["429"]);
    }

    private Task<HttpClient> AdminAsync() => server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string username, string role) =>
        client.PostAsJsonAsync("/api/staff/accounts", new { username, displayName = username.ToUpperInvariant(), role, password = StaffServer.StaffPassword }, Ct);
}
