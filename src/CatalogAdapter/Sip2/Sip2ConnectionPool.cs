using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// A few logged-in connections shared by all requests (at most <see cref="Sip2Options.PoolSize"/> at once).
/// A connection that failed is thrown away; when an idle connection turns out to have been dropped by the
/// server, the request is tried once more on a fresh one.
/// </summary>
internal sealed class Sip2ConnectionPool : IAsyncDisposable
{
    private readonly Sip2Options _options;
    private readonly Sip2Codec _codec;
    private readonly ILogger<Sip2ConnectionPool> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<Sip2Connection> _idle = [];

    public Sip2ConnectionPool(IOptions<Sip2Options> options, ILogger<Sip2ConnectionPool> logger)
    {
        _options = options.Value;
        _codec = new Sip2Codec(Sip2Encodings.Get(_options.Encoding), _options.ErrorDetection, _options.Terminator);
        _logger = logger;
        _slots = new SemaphoreSlim(_options.PoolSize, _options.PoolSize);
    }

    public async Task<Sip2Message> ExchangeAsync(Sip2Message request, string expectedCode, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var reused = _idle.TryTake(out var connection);
                connection ??= await OpenLoggedInAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var response = await connection.ExchangeAsync(request, expectedCode, cancellationToken).ConfigureAwait(false);
                    _idle.Add(connection);
                    return response;
                }
                catch (CatalogueException ex) when (reused && ex.Kind == CatalogueErrorKind.Unavailable)
                {
                    Sip2Log.Reconnecting(_logger, ex.Kind);
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<Sip2Connection> OpenLoggedInAsync(CancellationToken cancellationToken)
    {
        var connection = await Sip2Connection.OpenAsync(_options, _codec, _logger, cancellationToken).ConfigureAwait(false);
        try
        {
            var login = Sip2Requests.Login(_options.User, _options.Password, _options.Location);
            var answer = await connection.ExchangeAsync(login, "94", cancellationToken).ConfigureAwait(false);
            if (answer.FixedAt(0) != '1')
            {
                Sip2Log.LoginRefused(_logger);
                throw new CatalogueException(CatalogueErrorKind.Unauthorized, "SIP2 server refused the configured login (Catalog:Sip2:User/Password).");
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _slots.Dispose();
    }
}
