using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.LoadBench;

/// <summary>
/// A minimal stand-in for Meta's /messages endpoint: counts requests and answers Meta's success shape; while
/// <see cref="Holding"/> it leaves sends unanswered (in flight) until <see cref="ReleaseHeld"/>.
/// </summary>
internal sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;
    private long _held;
    private CancellationTokenSource _release = new();

    private FakeGraphApi(WebApplication app) => _app = app;

    public long Received => Interlocked.Read(ref _received);

    public string BaseUrl => _app.Urls.First();

    public volatile bool Holding;

    public long Held => Interlocked.Read(ref _held);

    /// <summary>Ends the held requests (their server is gone) and counts afresh.</summary>
    public void ReleaseHeld()
    {
        var release = Interlocked.Exchange(ref _release, new CancellationTokenSource());
        release.Cancel();
        release.Dispose();
        Interlocked.Exchange(ref _held, 0);
    }

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpRequest request) =>
        {
            if (fake.Holding && !(await new StreamReader(request.Body).ReadToEndAsync()).Contains("\"status\":\"read\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref fake._held);
                await Task.Delay(Timeout.Infinite, fake._release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(503);
            }

            await request.Body.CopyToAsync(Stream.Null);
            var n = Interlocked.Increment(ref fake._received);
            var id = "wamid.bench." + n.ToString(CultureInfo.InvariantCulture);
            return Results.Text("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],\"messages\":[{\"id\":\"" + id + "\"}]}", "application/json");
        });
        await app.StartAsync();
        return fake;
    }

    public async Task WaitForQuietAsync(TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        var last = Received;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            if (Received == last)
            {
                return;
            }

            last = Received;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
