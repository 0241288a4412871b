using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>The SIP2 operations the bot uses, as typed calls over the connection pool.</summary>
internal sealed class Sip2Client(Sip2ConnectionPool pool, IOptions<Sip2Options> options, TimeProvider time)
{
    /// <summary>Entries asked for per 63 when paging through a list with <c>BP</c>/<c>BQ</c>.</summary>
    public int PageSize { get; init; } = 50;

    private readonly Sip2Options _options = options.Value;
    private Sip2AcsStatus? _status;

    private DateTime Now => time.GetLocalNow().DateTime;

    /// <summary>99/98, remembered after the first call (the server's capabilities do not change while it runs).</summary>
    public async Task<Sip2AcsStatus> StatusAsync(CancellationToken cancellationToken) =>
        _status ??= Sip2AcsStatus.From(await pool.ExchangeAsync(Sip2Requests.Status(), "98", cancellationToken).ConfigureAwait(false));

    /// <summary>99/98 on a pooled connection, not remembered: whether the server answers now (the health check's probe).</summary>
    public Task PingAsync(CancellationToken cancellationToken) => pool.ExchangeAsync(Sip2Requests.Status(), "98", cancellationToken);

    /// <summary>63/64 without lists: checks the patron and, when a PIN is given, the PIN.</summary>
    public async Task<Sip2PatronInformation> PatronAsync(string patron, string? pin, CancellationToken cancellationToken)
    {
        var request = Sip2Requests.PatronInformation(Now, _options.InstitutionId, patron, pin);
        return Sip2PatronInformation.From(await pool.ExchangeAsync(request, "64", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// 63/64 asking for one list (summary position 1 holds, 3 charged, 6 unavailable holds), paging with
    /// <c>BP</c>/<c>BQ</c> until the count the server reports is reached. Returns the patron and the whole list.
    /// </summary>
    public async Task<(Sip2PatronInformation Patron, IReadOnlyList<string> Entries)> PatronListAsync(
        string patron, int summaryPosition, CancellationToken cancellationToken)
    {
        var entries = new List<string>();
        while (true)
        {
            var start = entries.Count + 1;
            var request = Sip2Requests.PatronInformation(Now, _options.InstitutionId, patron, null, summaryPosition, start, start + PageSize - 1);
            var info = Sip2PatronInformation.From(await pool.ExchangeAsync(request, "64", cancellationToken).ConfigureAwait(false));
            var page = summaryPosition switch
            {
                Sip2Requests.HoldItems => info.HoldItems,
                Sip2Requests.ChargedItems => info.ChargedItems,
                Sip2Requests.UnavailableHoldItems => info.UnavailableHoldItems,
                _ => throw new ArgumentOutOfRangeException(nameof(summaryPosition)),
            };
            var total = summaryPosition switch
            {
                Sip2Requests.HoldItems => info.HoldCount,
                Sip2Requests.ChargedItems => info.ChargedCount,
                _ => info.UnavailableHoldCount,
            };

            // A server that ignores BP/BQ sends the whole list (or the same first page) every time: stop there.
            var repeated = start > 1 && page.Count > 0 && page[0] == entries[0];
            if (!repeated)
            {
                entries.AddRange(page);
            }

            if (repeated || page.Count == 0 || page.Count > PageSize || entries.Count >= total)
            {
                return (info, entries);
            }
        }
    }

    public async Task<Sip2ItemInformation> ItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var request = Sip2Requests.ItemInformation(Now, _options.InstitutionId, itemId);
        return Sip2ItemInformation.From(await pool.ExchangeAsync(request, "18", cancellationToken).ConfigureAwait(false));
    }

    public async Task<Sip2RenewResponse> RenewAsync(string patron, string? itemId, string? titleId, CancellationToken cancellationToken)
    {
        var request = Sip2Requests.Renew(Now, _options.InstitutionId, patron, itemId, titleId);
        return Sip2RenewResponse.From(await pool.ExchangeAsync(request, "30", cancellationToken).ConfigureAwait(false));
    }

    public async Task<Sip2HoldResponse> HoldAsync(
        char mode, string patron, string? itemId, string? titleId, string? pickupLocation, CancellationToken cancellationToken)
    {
        var request = Sip2Requests.Hold(Now, mode, _options.InstitutionId, patron, itemId, titleId, pickupLocation);
        return Sip2HoldResponse.From(await pool.ExchangeAsync(request, "16", cancellationToken).ConfigureAwait(false));
    }
}
