using System.Net;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>The Koha health check's probe: one page of one library, which also proves our credentials are accepted.</summary>
internal static class KohaProbe
{
    public static async Task ProbeAsync(IKohaApi api, CancellationToken cancellationToken)
    {
        using var response = await api.ListLibrariesAsync(1, 1, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // No status at all: the request never got an answer (the error says why).
            var status = response.StatusCode;
            var kind = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? CatalogueErrorKind.Unauthorized
                : status is null || status >= HttpStatusCode.InternalServerError ? CatalogueErrorKind.Unavailable
                : CatalogueErrorKind.Protocol;
            throw new CatalogueException(kind, status is null ? "Koha did not answer." : $"Koha answered {(int)status}.", response.Error);
        }
    }
}
