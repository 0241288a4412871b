using System.Net;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>
/// <c>/readyz</c> runs the health checks — store, workers, the library system, the WeChat token — and answers 503 naming
/// the one that fails; <c>/healthz</c> only says the process is alive.
/// </summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_WhenEverythingAnswers_IsReadyAndNamesEveryCheck()
    {
        await using var bot = await BotProcess.StartAsync();

        using var response = await bot.Http.GetAsync("/readyz", Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["ready"]!.GetValue<bool>());
        Assert.Equal(0, body["pendingInbox"]!.GetValue<int>());
        Assert.Empty(body["problems"]!.AsArray());
        Assert.Equal(["catalogue-embedded", "store", "wechat-token", "workers"], body["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.All(body["checks"]!.AsObject(), c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
        Assert.Equal("alive", await bot.Http.GetStringAsync("/healthz", Ct));
    }

    [Fact]
    public async Task Readyz_WhenKohaAndSruAreOnAClosedPort_Is503NamingTheCatalogueChecks()
    {
        var closed = $"http://127.0.0.1:{BotProcess.FreePort()}";
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Catalog__Provider"] = "Koha",
            ["Catalog__Search"] = "Sru",
            ["Catalog__Koha__BaseUrl"] = closed + "/api/v1",
            ["Catalog__Koha__Username"] = "librarybot",
            ["Catalog__Koha__Password"] = "secret",
            ["Catalog__Koha__TimeoutMs"] = "2000",
            ["Catalog__Sru__BaseUrl"] = closed + "/biblios",
            ["Catalog__Sru__TimeoutMs"] = "2000",
        }, readyPath: "/healthz");

        using var response = await bot.Http.GetAsync("/readyz", Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body["ready"]!.GetValue<bool>());
        var problems = body["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains(problems, p => p.StartsWith("catalogue-koha: the Koha REST API does not answer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("catalogue-sru: the SRU server does not answer", StringComparison.Ordinal));
        Assert.Equal("Healthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Equal("alive", await bot.Http.GetStringAsync("/healthz", Ct));
    }

    [Fact]
    public async Task Readyz_WhenTheStoreFileIsDestroyed_Is503NamingTheStore()
    {
        await using var bot = await BotProcess.StartAsync();

        // The disk under the running server goes bad: the database and its write-ahead log become garbage. (Not the
        // -shm index: SQLite maps it into memory, and scribbling over a live mapping under load is memory corruption
        // of the process, not a bad disk.)
        foreach (var file in new[] { bot.DatabasePath, bot.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            var garbage = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a database ", (int)(stream.Length / 15) + 1)));
            await stream.WriteAsync(garbage.AsMemory(0, (int)stream.Length), Ct);
        }

        JsonNode? body = null;
        await bot.WaitUntilAsync(async () =>
        {
            using var response = await bot.Http.GetAsync("/readyz", Ct);
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, "/readyz to report the store");

        Assert.Contains("store: unreachable (SqliteException)", body!["problems"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("Unhealthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.Null(body["pendingInbox"]);
        Assert.Equal("alive", await bot.Http.GetStringAsync("/healthz", Ct));
    }
}
