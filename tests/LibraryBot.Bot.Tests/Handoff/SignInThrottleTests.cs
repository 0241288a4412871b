using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>Sign-in throttling on the real server: per username, per client address, 429 with Retry-After and when to retry.</summary>
public sealed class SignInThrottleTests(ThrottledStaffServer server) : IClassFixture<ThrottledStaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_AfterTooManyFailures_Answers429ByUsernameThenByAddressAndASuccessDoesNotClearOtherUsernames()
    {
        await CreateAsync("t-victim", "t-other", "t-ok", "t-new");

        // Per username: three wrong passwords, then even the right one waits.
        for (var i = 0; i < ThrottledStaffServer.PerUsername; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("t-victim", "wrong-password")).StatusCode);
        }

        var throttled = await LoginAsync("t-victim", StaffServer.StaffPassword);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        var body = JsonNode.Parse(await throttled.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((int)retryAfter.Value.TotalSeconds, (int)body["retryAfterSeconds"]!);
        Assert.True(DateTimeOffset.Parse((string)body["retryAt"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        Assert.StartsWith("Too many failed sign-ins. Try again in", (string?)body["detail"], StringComparison.Ordinal);

        // Other usernames from the same address still sign in.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("t-other", StaffServer.StaffPassword)).StatusCode);

        // Per address: t-ok's success clears only t-ok's failures, so the others' still count towards the address limit.
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("t-other", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("t-other", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("t-ok", StaffServer.StaffPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("t-ok", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("t-ok", "wrong-password")).StatusCode);

        var byAddress = await LoginAsync("t-new", StaffServer.StaffPassword);
        Assert.Equal((HttpStatusCode)429, byAddress.StatusCode);
        Assert.NotNull(byAddress.Headers.RetryAfter?.Delta);

        await server.Bot.WaitUntilAsync(() => Task.FromResult(server.Bot.Output.Contains("throttled", StringComparison.Ordinal)), "the throttle's log line");
        Assert.DoesNotContain("t-victim", server.Bot.Output, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        server.Bot.Http.PostAsJsonAsync("/api/staff/login", new { username, password }, Ct);

    private async Task CreateAsync(params string[] usernames)
    {
        var signIn = await LoginAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var admin = new HttpClient { BaseAddress = server.Bot.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (string?)JsonNode.Parse(await signIn.Content.ReadAsStringAsync(Ct))!["accessToken"]);
        foreach (var username in usernames)
        {
            var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { username, displayName = username, role = "librarian", password = StaffServer.StaffPassword }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }
}
