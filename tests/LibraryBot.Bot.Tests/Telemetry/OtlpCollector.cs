using System.Net;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry collector (OTLP over HTTP/protobuf) on a loopback port: it accepts every export and keeps
/// the request bodies, so tests can read the spans and search the raw bytes.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _exports = [];
    private readonly Task _loop;

    public OtlpCollector()
    {
        Port = BotProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Everything exported so far, as (path, body).</summary>
    public IReadOnlyList<(string Path, byte[] Body)> Exports
    {
        get
        {
            lock (_exports)
            {
                return [.. _exports];
            }
        }
    }

    public IReadOnlyList<OtlpSpan> Spans => Exports.Where(e => e.Path == "/v1/traces").SelectMany(e => OtlpSpan.Parse(e.Body)).ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_exports)
            {
                _exports.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse: full success.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
