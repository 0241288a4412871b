using System.Net;
using System.Net.Http.Json;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>
/// Behind a reverse proxy the client's address comes from X-Forwarded-For, but only from a configured proxy: seen
/// through sign-in throttling, which counts failures per client address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const int PerAddress = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WhenAConfiguredProxyForwardsTwoClients_ThrottlesEachClientOnItsOwn()
    {
        await using var bot = await StartAsync(new() { ["Hosting__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });
        await FailAsync(bot, "203.0.113.5");

        Assert.Equal((HttpStatusCode)429, (await LoginAsync(bot, "fwd-next", "203.0.113.5")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(bot, "fwd-next", "203.0.113.6")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenNoProxyIsConfigured_IgnoresXForwardedForSoNobodyEscapesTheThrottle()
    {
        await using var bot = await StartAsync([]);
        await FailAsync(bot, "203.0.113.5");

        Assert.Equal((HttpStatusCode)429, (await LoginAsync(bot, "fwd-next", "203.0.113.6")).StatusCode);
    }

    [Fact]
    public async Task Start_WhenAProxySettingIsNoAddress_NamesTheKey()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["Hosting__ForwardedHeaders__KnownProxies__0"] = "proxy.local",
            ["Hosting__ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/99",
        }));
        Assert.Contains("Configuration error: Hosting:ForwardedHeaders:KnownProxies[0]: must be IP addresses", error.Message, StringComparison.Ordinal);
        Assert.Contains("Configuration error: Hosting:ForwardedHeaders:KnownNetworks[0]: must be networks in CIDR notation", error.Message, StringComparison.Ordinal);
    }

    private static Task<BotProcess> StartAsync(Dictionary<string, string> settings)
    {
        settings["Handoff__SignInThrottle__MaxFailuresPerUsername"] = "1";
        settings["Handoff__SignInThrottle__MaxFailuresPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return BotProcess.StartAsync(settings);
    }

    private static async Task FailAsync(BotProcess bot, string client)
    {
        for (var i = 0; i < PerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(bot, $"fwd-{i}", client)).StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> LoginAsync(BotProcess bot, string username, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/login") { Content = JsonContent.Create(new { username, password = "wrong-password" }) };
        request.Headers.Add("X-Forwarded-For", client);
        return await bot.Http.SendAsync(request, Ct);
    }
}
