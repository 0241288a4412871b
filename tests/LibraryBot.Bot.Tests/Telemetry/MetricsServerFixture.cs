using System.Net.Http.Headers;
using System.Text;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>
/// A server with the Prometheus endpoint on, after a patron's three turns through signed webhooks (one of them a
/// search, which asks the catalogue) and one webhook with a bad signature.
/// </summary>
public sealed class MetricsServerFixture : IAsyncLifetime
{
    public const string Phone = "15550107777";

    public static readonly string[] Messages = ["hello", "search moby dick", "what time do you close today?"];

    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Replies the fake Graph API accepted for the patron's turns.</summary>
    public long RepliesSent { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Telemetry__BacklogSampleSeconds"] = "1",
        });
        var patron = new WhatsAppPatron(Bot, Phone);
        foreach (var message in Messages)
        {
            await patron.SayAsync(message);
        }

        using var forged = new StringContent(WhatsAppWebhook.TextBody(Phone, "forged"), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        forged.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        using var refused = await Bot.Http.PostAsync(WhatsAppWebhook.Path, forged);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        RepliesSent = Bot.Scalar("SELECT COUNT(*) FROM outbox WHERE status = 1");
    }

    /// <summary>Scrapes <c>/metrics</c> until <paramref name="complete"/> holds (counters are recorded just after the store is updated).</summary>
    public async Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> complete)
    {
        PrometheusScrape? scrape = null;
        await Bot.WaitUntilAsync(async () =>
        {
            scrape = PrometheusScrape.Parse(await Bot.Http.GetStringAsync("/metrics"));
            return complete(scrape);
        }, "the scrape to show every turn");
        return scrape!;
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
