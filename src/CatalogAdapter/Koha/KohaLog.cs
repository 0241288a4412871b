using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Koha adapter log events (3300–3399). Patron ids are logged only as <see cref="Hash"/>.</summary>
internal static partial class KohaLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Koha login for patron {PatronHash}: {Result}")]
    public static partial void Authenticated(ILogger logger, string patronHash, string result);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Koha refused a login ({Status})")]
    public static partial void LoginRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning,
        Message = "Koha answered 401 to a password validation: if every login fails, check Catalog:Koha credentials")]
    public static partial void LoginUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Koha renewal for patron {PatronHash}, checkout {CheckoutId}: {Result}")]
    public static partial void Renewal(ILogger logger, string patronHash, long checkoutId, string result);

    [LoggerMessage(EventId = 3320, Level = LogLevel.Information, Message = "Koha hold for patron {PatronHash}, biblio {BiblioId}: {Result}")]
    public static partial void HoldPlaced(ILogger logger, string patronHash, long biblioId, string result);

    [LoggerMessage(EventId = 3321, Level = LogLevel.Information, Message = "Koha hold {HoldId} cancellation for patron {PatronHash}: {Result}")]
    public static partial void HoldCancelled(ILogger logger, string patronHash, long holdId, string result);

    /// <summary>A short, stable, non-reversible tag for a patron id, card number or user id.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 6));
}
