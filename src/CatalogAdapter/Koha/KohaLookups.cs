using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refit;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Paged lists and the look-ups an answer needs (titles of records, libraries) over <see cref="IKohaApi"/>.</summary>
internal sealed class KohaLookups(IKohaApi api, IOptions<KohaOptions> options)
{
    /// <summary>Stops a misbehaving server from paging forever.</summary>
    private const int MaxPages = 100;

    public IKohaApi Api => api;

    /// <summary>Every page of a list, following <c>_page</c>/<c>_per_page</c> and <c>X-Total-Count</c>.</summary>
    public async Task<List<T>> AllPagesAsync<T>(
        Func<int, int, CancellationToken, Task<IApiResponse<List<T>>>> fetch, string operation, CancellationToken cancellationToken)
    {
        var perPage = options.Value.PageSize;
        var all = new List<T>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var response = await KohaHttp.CallAsync(() => fetch(page, perPage, cancellationToken), cancellationToken).ConfigureAwait(false);
            var items = KohaHttp.Body(response, operation);
            all.AddRange(items);
            var total = TotalCount(response);
            if (items.Count < perPage || (total is not null && all.Count >= total))
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The record (biblio) an item belongs to, or null when Koha no longer has the item.</summary>
    public async Task<long?> BiblioOfItemAsync(long itemId, CancellationToken cancellationToken)
    {
        var response = await KohaHttp.CallAsync(() => api.GetItemAsync(itemId, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : KohaHttp.Body(response, "get item").BiblioId;
    }

    /// <summary>"Title: subtitle" of a record from <c>GET /biblios/{id}</c> (JSON), or null when Koha gives none.</summary>
    public async Task<string?> TitleAsync(long biblioId, CancellationToken cancellationToken)
    {
        using var response = await KohaHttp.CallAsync(() => api.GetBiblioAsync(biblioId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CatalogueException(
                response.StatusCode >= HttpStatusCode.InternalServerError ? CatalogueErrorKind.Unavailable : CatalogueErrorKind.Protocol,
                $"Koha get biblio: status {(int)response.StatusCode}");
        }

        var body = await KohaHttp.CallAsync(() => response.Content.ReadAsStringAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var biblio = await KohaHttp.CallAsync(() => Task.FromResult(JsonSerializer.Deserialize<KohaBiblio>(body, KohaHttp.Json)), cancellationToken)
            .ConfigureAwait(false);
        var title = biblio?.Title?.Trim(' ', '/', ':', ';', ',', '.');
        var subtitle = biblio?.Subtitle?.Trim(' ', '/', ':', ';', ',', '.');
        return string.IsNullOrEmpty(title) ? null : string.IsNullOrEmpty(subtitle) ? title : $"{title}: {subtitle}";
    }

    /// <summary>Titles of several records, one request per distinct record.</summary>
    public async Task<Dictionary<long, string?>> TitlesAsync(IEnumerable<long> biblioIds, CancellationToken cancellationToken)
    {
        var ids = biblioIds.Distinct().ToList();
        var titles = await Task.WhenAll(ids.Select(id => TitleAsync(id, cancellationToken))).ConfigureAwait(false);
        return ids.Zip(titles).ToDictionary(p => p.First, p => p.Second);
    }

    public async Task<Dictionary<string, KohaLibrary>> LibrariesAsync(CancellationToken cancellationToken)
    {
        var libraries = await AllPagesAsync<KohaLibrary>(
            (page, perPage, ct) => api.ListLibrariesAsync(page, perPage, ct), "list libraries", cancellationToken).ConfigureAwait(false);
        return libraries.DistinctBy(l => l.LibraryId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(l => l.LibraryId, StringComparer.OrdinalIgnoreCase);
    }

    private static int? TotalCount(IApiResponse response) =>
        response.Headers is { } headers && headers.TryGetValues("X-Total-Count", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;
}
