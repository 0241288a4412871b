using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.BroadcastBench;

/// <summary>
/// A stand-in for Meta's <c>/messages</c> endpoint that records, for every message it accepts, the recipient
/// (<c>to</c>) and when it arrived (a monotonic clock of this process), and answers Meta's success shape.
/// </summary>
internal sealed class RecordingGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(long Ticks, string To)> _received = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private RecordingGraphApi(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    /// <summary>The clock the arrivals are stamped with.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    public static async Task<RecordingGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new RecordingGraphApi(app);
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var to = body.RootElement.TryGetProperty("to", out var t) ? t.GetString() ?? "" : "";
            int n;
            lock (fake._gate)
            {
                fake._received.Add((fake._clock.Elapsed.Ticks, to));
                n = fake._received.Count;
            }

            var id = "wamid.bench." + n.ToString(CultureInfo.InvariantCulture);
            return Results.Text("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + id + "\"}]}",
                "application/json");
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Arrival times (since this fake started) of everything received so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Arrivals()
    {
        lock (_gate)
        {
            return _received.Select(r => TimeSpan.FromTicks(r.Ticks)).ToList();
        }
    }

    /// <summary>How many messages each recipient got.</summary>
    public IReadOnlyDictionary<string, int> PerRecipient()
    {
        lock (_gate)
        {
            return _received.GroupBy(r => r.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
