using Refit;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>The Koha REST API calls LibraryBot makes (paths relative to <c>Catalog:Koha:BaseUrl</c>).</summary>
internal interface IKohaApi
{
    [Post("/auth/password/validation")]
    Task<IApiResponse<KohaPasswordValidation>> ValidatePasswordAsync([Body] KohaPasswordValidationRequest body, CancellationToken cancellationToken);

    /// <summary>Patrons whose card number is exactly this one (<c>_match=exact</c>; Koha compares without case).</summary>
    [Get("/patrons")]
    Task<IApiResponse<List<KohaPatron>>> ListPatronsByCardAsync(
        [AliasAs("cardnumber")] string cardNumber, [AliasAs("_match")] string match, CancellationToken cancellationToken);

    [Get("/patrons/{patronId}")]
    Task<IApiResponse<KohaPatron>> GetPatronAsync(long patronId, CancellationToken cancellationToken);

    [Get("/checkouts")]
    Task<IApiResponse<List<KohaCheckout>>> ListCheckoutsAsync(
        [AliasAs("patron_id")] long patronId, [AliasAs("_page")] int page, [AliasAs("_per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/checkouts/{checkoutId}")]
    Task<IApiResponse<KohaCheckout>> GetCheckoutAsync(long checkoutId, CancellationToken cancellationToken);

    [Get("/checkouts/{checkoutId}/allows_renewal")]
    Task<IApiResponse<KohaAllowsRenewal>> GetAllowsRenewalAsync(long checkoutId, CancellationToken cancellationToken);

    [Post("/checkouts/{checkoutId}/renewal")]
    Task<IApiResponse<KohaCheckout>> RenewAsync(long checkoutId, CancellationToken cancellationToken);

    [Get("/items/{itemId}")]
    Task<IApiResponse<KohaItem>> GetItemAsync(long itemId, CancellationToken cancellationToken);

    /// <summary>Koha answers the biblio as JSON; the 200 response has no schema, so it is read loosely.</summary>
    [Get("/biblios/{biblioId}")]
    [Headers("Accept: application/json")]
    Task<HttpResponseMessage> GetBiblioAsync(long biblioId, CancellationToken cancellationToken);

    [Get("/holds")]
    Task<IApiResponse<List<KohaHold>>> ListHoldsAsync(
        [AliasAs("patron_id")] long patronId, [AliasAs("hold_id")] long? holdId, [AliasAs("_page")] int page, [AliasAs("_per_page")] int perPage,
        CancellationToken cancellationToken);

    [Post("/holds")]
    Task<IApiResponse<KohaHold>> AddHoldAsync([Body] KohaNewHold body, CancellationToken cancellationToken);

    [Delete("/holds/{holdId}")]
    Task<IApiResponse> DeleteHoldAsync(long holdId, CancellationToken cancellationToken);

    [Get("/libraries")]
    Task<IApiResponse<List<KohaLibrary>>> ListLibrariesAsync([AliasAs("_page")] int page, [AliasAs("_per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/biblios/{biblioId}/pickup_locations")]
    Task<IApiResponse<List<KohaLibrary>>> ListPickupLocationsAsync(
        long biblioId, [AliasAs("patron_id")] long patronId, [AliasAs("_page")] int page, [AliasAs("_per_page")] int perPage,
        CancellationToken cancellationToken);
}
