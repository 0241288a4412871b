using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Tests.Support;

/// <summary>
/// A stand-in for Meta's Graph API <c>/messages</c> endpoint (we cannot reach Meta here), in the test's process so it
/// outlives a server that is killed. Each message it accepts gets a new <c>wamid</c>, kept with its body. While
/// <see cref="Holding"/> is set, messages are not answered — a send in flight — and so never accepted (read receipts are
/// always answered).
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Wamid, JsonNode Body)> _accepted = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _held;

    private FakeGraphApi(WebApplication app) => _app = app;

    public volatile bool Holding;

    public string BaseUrl => _app.Urls.First();

    /// <summary>Messages received while holding, never answered.</summary>
    public int Held => Volatile.Read(ref _held);

    public IReadOnlyList<(string Wamid, JsonNode Body)> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>The server's settings for a WhatsApp channel that sends here (sandbox on, so the webhook secret is the sandbox's).</summary>
    public Dictionary<string, string> ServerSettings() => new()
    {
        ["Sandbox__Enabled"] = "true",
        ["Channels__WhatsApp__AccessToken"] = "test-token",
        ["Channels__WhatsApp__ApiBaseUrl"] = BaseUrl,
    };

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if ((string?)body?["status"] == "read")
            {
                return Results.Json(new JsonObject { ["success"] = true });
            }

            if (fake.Holding)
            {
                Interlocked.Increment(ref fake._held);
                await Task.Delay(Timeout.Infinite, fake._stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(503);
            }

            string wamid;
            lock (fake._accepted)
            {
                wamid = "wamid.fake." + (fake._accepted.Count + 1).ToString(CultureInfo.InvariantCulture);
                fake._accepted.Add((wamid, body!));
            }

            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["contacts"] = new JsonArray(new JsonObject { ["input"] = (string?)body!["to"], ["wa_id"] = (string?)body["to"] }),
                ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid }),
            });
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
