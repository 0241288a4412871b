using System.Net;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary><c>/metrics</c> is off unless enabled, and can live on a port of its own instead of the public one.</summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_WhenPrometheusIsOff_IsNotFound()
    {
        await using var bot = await BotProcess.StartAsync();

        using var response = await bot.Http.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WhenPrometheusHasAPortOfItsOwn_IsServedThereAndNotOnThePublicPort()
    {
        var metricsPort = BotProcess.FreePort();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Telemetry__Prometheus__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telemetry__Prometheus__Host"] = "127.0.0.1",
        });

        using var publicPort = await bot.Http.GetAsync("/metrics", Ct);
        using var ownPort = new HttpClient();
        string scrape = "";
        await bot.WaitUntilAsync(async () =>
        {
            scrape = await ownPort.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics", Ct);
            return scrape.Contains("librarybot_inbox_depth", StringComparison.Ordinal);
        }, "the inbox depth on the metrics port");

        Assert.Equal(HttpStatusCode.NotFound, publicPort.StatusCode);
        Assert.Contains("target_info", scrape, StringComparison.Ordinal);
    }
}
