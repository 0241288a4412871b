using System.Collections.Concurrent;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>Answers every request with <paramref name="respond"/> and keeps the requests (with their bodies) for assertions.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, string?, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    /// <summary>How long the fake server takes to answer (cancellable, like a real slow server).</summary>
    public TimeSpan Delay { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        await Task.Delay(Delay, cancellationToken);
        var response = respond(request, body);
        response.RequestMessage = request;
        return response;
    }

    // The handler factory may dispose handlers; this stub outlives them.
    protected override void Dispose(bool disposing)
    {
    }
}
