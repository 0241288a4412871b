using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// One TCP (optionally TLS) connection to the SIP2 server: one request, one response at a time, with sequence
/// numbers, checksum checks, resends (96 from the server, 97 from us) and a read timeout per exchange.
/// </summary>
internal sealed class Sip2Connection : IAsyncDisposable
{
    private const int MaxResends = 3;

    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly Sip2FrameReader _reader;
    private readonly Sip2Codec _codec;
    private readonly Sip2Options _options;
    private readonly ILogger _logger;
    private int _sequence;

    private Sip2Connection(TcpClient tcp, Stream stream, Sip2Codec codec, Sip2Options options, ILogger logger)
    {
        _tcp = tcp;
        _stream = stream;
        _reader = new Sip2FrameReader(stream);
        _codec = codec;
        _options = options;
        _logger = logger;
    }

    public static async Task<Sip2Connection> OpenAsync(Sip2Options options, Sip2Codec codec, ILogger logger, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeoutMs);
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (options.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, timeout.Token).ConfigureAwait(false);
                stream = tls;
            }

            Sip2Log.ConnectionOpened(logger, options.Host, options.Port, options.UseTls);
            return new Sip2Connection(tcp, stream, codec, options, logger);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new CatalogueException(CatalogueErrorKind.Timeout, $"SIP2 server did not accept a connection within {options.ConnectTimeoutMs} ms.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            tcp.Dispose();
            throw new CatalogueException(CatalogueErrorKind.Unavailable, "SIP2 server cannot be reached.", ex);
        }
    }

    /// <summary>Sends a request and returns the response, which must carry <paramref name="expectedCode"/>.</summary>
    public async Task<Sip2Message> ExchangeAsync(Sip2Message request, string expectedCode, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReadTimeoutMs);
        try
        {
            return await ExchangeCoreAsync(request, expectedCode, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogueException(CatalogueErrorKind.Timeout, $"SIP2 server did not answer {request.Code} within {_options.ReadTimeoutMs} ms.");
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            throw new CatalogueException(CatalogueErrorKind.Unavailable, "SIP2 connection lost.", ex);
        }
        catch (FormatException ex)
        {
            throw new CatalogueException(CatalogueErrorKind.Protocol, $"SIP2 server sent a malformed answer to {request.Code}: {ex.Message}", ex);
        }
    }

    private async Task<Sip2Message> ExchangeCoreAsync(Sip2Message request, string expectedCode, CancellationToken cancellationToken)
    {
        var sequence = _sequence;
        _sequence = (_sequence + 1) % 10;
        var bytes = _codec.Encode(request, sequence);
        await WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

        for (var resends = 0; ; resends++)
        {
            var raw = await _reader.ReadFrameAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("SIP2 server closed the connection.");
            var frame = _codec.Decode(raw);
            if (resends >= MaxResends && (frame.Message.Code == "96" || frame.ChecksumValid == false))
            {
                throw new CatalogueException(CatalogueErrorKind.Protocol, $"SIP2 exchange {request.Code} failed after {MaxResends} resends.");
            }

            if (frame.Message.Code == "96")
            {
                Sip2Log.ResendRequested(_logger, request.Code);
                await WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_codec.ErrorDetection && frame.ChecksumValid == false)
            {
                Sip2Log.ChecksumFailed(_logger, frame.Message.Code);
                await WriteAsync(_codec.Encode(Sip2Requests.RequestAcsResend(), null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (frame.Message.Code != expectedCode)
            {
                throw new CatalogueException(CatalogueErrorKind.Protocol, $"SIP2 server answered {request.Code} with {frame.Message.Code}, expected {expectedCode}.");
            }

            if (_codec.ErrorDetection && frame.Sequence is { } echoed && echoed != sequence)
            {
                throw new CatalogueException(CatalogueErrorKind.Protocol, $"SIP2 server answered sequence {echoed} to request sequence {sequence}.");
            }

            return frame.Message;
        }
    }

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }
}
