using System.Text.Json.Serialization;

namespace LibraryBot.CatalogAdapter.Koha;

// Koha REST API payloads (snake_case on the wire), only the fields LibraryBot reads or sends.
// Field meanings are from Koha's api/v1/swagger/definitions/*.yaml.

internal sealed record KohaPasswordValidationRequest(string Identifier, string Password);

internal sealed record KohaPasswordValidation(long PatronId, string? Cardnumber, string? Userid);

internal sealed record KohaPatron(
    long PatronId,
    string? Firstname,
    string? PreferredName,
    string? LibraryId,
    string? ExpiryDate,
    bool? Restricted,
    int? LoginAttempts,
    decimal? AccountBalance,
    string? OpacNotes);

internal sealed record KohaCheckout(
    long CheckoutId,
    long PatronId,
    long? ItemId,
    string? ExternalId,
    string? DueDate,
    int? RenewalsCount);

internal sealed record KohaAllowsRenewal(bool AllowsRenewal, int? MaxRenewals, int? CurrentRenewals, string? Error);

internal sealed record KohaItem(long ItemId, long BiblioId, string? ExternalId);

internal sealed record KohaHold(
    long HoldId,
    long PatronId,
    long BiblioId,
    string? PickupLibraryId,
    int? Priority,
    string? Status,
    string? ExpirationDate,
    string? WaitingDate);

internal sealed record KohaNewHold(
    long PatronId,
    long BiblioId,
    string PickupLibraryId);

internal sealed record KohaLibrary(
    string LibraryId,
    string Name,
    string? Address1,
    string? Address2,
    string? Address3,
    string? PostalCode,
    string? City,
    string? Country,
    string? Phone,
    string? Geolocation,
    bool? PickupLocation,
    bool? NeedsOverride);

internal sealed record KohaBiblio(string? Title, string? Subtitle);

internal sealed record KohaError(string? Error, [property: JsonPropertyName("error_code")] string? ErrorCode);

internal sealed record KohaToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
