using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;

/// <summary>
/// A SIP2 server on 127.0.0.1 (free port) speaking the wire format: login (93), status (99), resends (96/97),
/// error detection, terminators and encodings per <see cref="Sip2EmulatorDialect"/>. Every other message goes to
/// the handler (for example <see cref="Sip2LibraryHandler"/>, which serves a catalogue).
/// </summary>
public sealed class Sip2Emulator : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private readonly Func<Sip2Message, CancellationToken, Task<Sip2Message>> _handler;
    private readonly Task _acceptLoop;
    private int _corruptChecksums;
    private int _askResends;

    internal Sip2Emulator(Sip2EmulatorDialect dialect, Func<Sip2Message, CancellationToken, Task<Sip2Message>> handler)
    {
        Dialect = dialect;
        _handler = handler;
        _corruptChecksums = dialect.CorruptChecksums;
        _askResends = dialect.AskResends;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Sip2EmulatorDialect Dialect { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionsAccepted => _connections;

    /// <summary>Every request received, as decoded messages (for asserting what the client sent).</summary>
    internal ConcurrentQueue<Sip2Message> Received { get; } = new();

    /// <summary>Raw request frames as received (without terminator).</summary>
    internal ConcurrentQueue<byte[]> ReceivedFrames { get; } = new();

    private int _connections;

    /// <summary>Closes every open connection, as a server restart or a firewall timeout would.</summary>
    public void DropConnections()
    {
        foreach (var client in _clients.Keys)
        {
            // Close(0) sends a reset, as a crashed server would; the serving loop may have disposed it already.
            client.Client?.Close(0);
            client.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _clients[client] = 0;
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var codec = new Sip2Codec(Sip2Encodings.Get(Dialect.Encoding), Dialect.ErrorDetection, Dialect.Terminator);
        Stream stream = client.GetStream();
        byte[]? last = null;
        var loggedIn = false;
        try
        {
            if (Dialect.TlsCertificate is { } certificate)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(certificate);
                stream = tls;
            }

            var reader = new Sip2FrameReader(stream);
            while (await reader.ReadFrameAsync(_stop.Token) is { } raw)
            {
                ReceivedFrames.Enqueue(raw);
                var frame = codec.Decode(raw);
                Received.Enqueue(frame.Message);
                if (Dialect.Silent)
                {
                    continue;
                }

                var trailerPresent = frame.Sequence is not null || frame.ChecksumValid is not null;
                if ((!Dialect.ErrorDetection && trailerPresent) || frame.ChecksumValid == false || Interlocked.Decrement(ref _askResends) >= 0)
                {
                    await stream.WriteAsync(codec.Encode(Sip2Requests.RequestScResend(), null), _stop.Token);
                    continue;
                }

                if (frame.Message.Code == "97" && last is not null)
                {
                    await stream.WriteAsync(last, _stop.Token);
                    continue;
                }

                var response = frame.Message.Code switch
                {
                    "93" => Login(frame.Message, ref loggedIn),
                    "99" => Status(),
                    _ when !loggedIn => throw new IOException("request before login"),
                    _ => await _handler(frame.Message, _stop.Token),
                };
                last = codec.Encode(Escape(response), frame.Sequence);
                await stream.WriteAsync(Interlocked.Decrement(ref _corruptChecksums) >= 0 ? Corrupt(last) : last, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or FormatException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away, or sent something we will not answer: drop the connection like a real server.
        }
        finally
        {
            _clients.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private Sip2Message Login(Sip2Message request, ref bool loggedIn)
    {
        loggedIn = request.Get("CN") == Dialect.User && request.Get("CO") == Dialect.Password;
        return Sip2Message.Create("94", loggedIn ? "1" : "0");
    }

    private Sip2Message Status()
    {
        var supported = !Dialect.AdvertiseHolds ? "YYYYYYYYYYYYYNYY" : "YYYYYYYYYYYYYYYY";
        return Sip2Message.Create(
            "98",
            "YYYNYN" + "010" + "003" + Sip2Date.Format(DateTime.Now) + "2.00",
            ("AO", "EMU"),
            ("AM", "Emulated library"),
            ("BX", supported),
            ("AF", !Dialect.AdvertiseHolds ? "Hold requests are not supported by this SIP server" : null));
    }

    private Sip2Message Escape(Sip2Message response) => Dialect.EscapePipes
        ? response with { Fields = [.. response.Fields.Select(f => f with { Value = f.Value.Replace("|", "&#124;", StringComparison.Ordinal) })] }
        : response;

    /// <summary>The same frame with one checksum digit changed.</summary>
    private byte[] Corrupt(byte[] frame)
    {
        var copy = (byte[])frame.Clone();
        var terminatorLength = Dialect.Terminator == Sip2Terminator.CRLF ? 2 : 1;
        var digit = copy.Length - terminatorLength - 1;
        copy[digit] = copy[digit] == (byte)'0' ? (byte)'1' : (byte)'0';
        return copy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        await _acceptLoop;
        _stop.Dispose();
    }
}
