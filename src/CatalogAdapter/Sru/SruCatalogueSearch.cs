using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>
/// Search and record look-up over SRU searchRetrieve (CQL in, MARCXML out), for any library system that
/// exposes SRU (Koha's Zebra, Evergreen, Alma, ...). Combined with SIP2 or Koha REST by <c>Catalog:Search=Sru</c>.
/// </summary>
public sealed class SruCatalogueSearch(HttpClient http, IOptions<SruOptions> options, ILogger<SruCatalogueSearch> logger) : ICatalogueSearch
{
    /// <summary>Largest SRU answer read, in bytes.</summary>
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var o = options.Value;
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var cql = CqlQuery.Build(query.Field, query.Terms, o);
        if (cql is null)
        {
            return new SearchPage([], 0, page, size);
        }

        var response = await SearchRetrieveAsync(cql, (page - 1) * size + 1, size, cancellationToken).ConfigureAwait(false);
        var hits = response.Records.Select(r => MarcMapper.ToHit(MarcMapper.ToRecord(r, o))).ToList();
        SruLog.Searched(logger, query.Field, response.Total, page);
        // A page past the end (diagnostic 61) keeps the server's total; a total below what was returned is corrected.
        var total = hits.Count == 0 ? response.Total : Math.Max(response.Total, (page - 1) * size + hits.Count);
        return new SearchPage(hits, total, page, size);
    }

    public async Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(recordId))
        {
            return null;
        }

        var response = await SearchRetrieveAsync(CqlQuery.ById(recordId, o), 1, 1, cancellationToken).ConfigureAwait(false);
        return response.Records
            .Select(r => MarcMapper.ToRecord(r, o))
            .FirstOrDefault(r => string.Equals(r.RecordId, recordId.Trim(), StringComparison.Ordinal));
    }

    /// <summary>
    /// Asks the server for its explain record (SRU's cheapest request) and throws <see cref="CatalogueException"/>
    /// unless it answers with success: the health check's probe.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = new Uri(o.BaseUrl + (o.BaseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") +
            (o.Version == "2.0" ? "operation=explain" : "version=1.2&operation=explain"));
        try
        {
            using var answer = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                throw new CatalogueException(
                    answer.StatusCode >= HttpStatusCode.InternalServerError ? CatalogueErrorKind.Unavailable : CatalogueErrorKind.Protocol,
                    $"SRU server answered {(int)answer.StatusCode}.");
            }
        }
        catch (Exception e) when (Map(e, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The searchRetrieve URL for a CQL query (SRU 1.2 sends <c>version</c>; 2.0 sends <c>queryType</c>).</summary>
    public static Uri BuildUrl(SruOptions options, string cql, int startRecord, int maximumRecords)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder(options.BaseUrl).Append(options.BaseUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        sb.Append(options.Version == "2.0" ? "operation=searchRetrieve&queryType=cql" : "version=1.2&operation=searchRetrieve");
        sb.Append("&query=").Append(Uri.EscapeDataString(cql));
        sb.Append("&startRecord=").Append(startRecord.ToString(CultureInfo.InvariantCulture));
        sb.Append("&maximumRecords=").Append(maximumRecords.ToString(CultureInfo.InvariantCulture));
        sb.Append("&recordSchema=").Append(Uri.EscapeDataString(options.RecordSchema));
        sb.Append(options.Version == "2.0" ? "&recordXMLEscaping=xml" : "&recordPacking=xml");
        return new Uri(sb.ToString());
    }

    private async Task<SruResponse> SearchRetrieveAsync(string cql, int startRecord, int maximumRecords, CancellationToken cancellationToken)
    {
        var url = BuildUrl(options.Value, cql, startRecord, maximumRecords);
        SruResponse response;
        try
        {
            using var answer = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                throw new CatalogueException(
                    answer.StatusCode >= HttpStatusCode.InternalServerError ? CatalogueErrorKind.Unavailable : CatalogueErrorKind.Protocol,
                    $"SRU server answered {(int)answer.StatusCode}.");
            }

            if (answer.Content.Headers.ContentLength > MaxResponseBytes)
            {
                throw new CatalogueException(CatalogueErrorKind.Protocol, "SRU answer too large.");
            }

            await using var body = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            response = await SruResponse.ParseAsync(new LimitedStream(body, MaxResponseBytes), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e, cancellationToken) is { } failure)
        {
            SruLog.CallFailed(logger, failure.Kind, e);
            throw failure;
        }

        var blocking = response.Diagnostics.FirstOrDefault(d => !d.IsPastEnd);
        if (blocking is not null && response.Records.Count == 0)
        {
            SruLog.Diagnostic(logger, blocking.Uri, blocking.Message);
            throw new CatalogueException(CatalogueErrorKind.Protocol, $"SRU diagnostic {blocking.Uri}: {blocking.Message} {blocking.Details}".TrimEnd());
        }

        return response;
    }

    private static CatalogueException? Map(Exception e, CancellationToken cancellationToken) => e switch
    {
        CatalogueException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException or TaskCanceledException => new(CatalogueErrorKind.Timeout, "SRU server did not answer in time.", e),
        BrokenCircuitException or HttpRequestException => new(CatalogueErrorKind.Unavailable, "SRU server cannot be reached.", e),
        XmlException or InvalidDataException => new(CatalogueErrorKind.Protocol, "SRU server answered something that is not a searchRetrieveResponse.", e),
        _ => null,
    };
}
