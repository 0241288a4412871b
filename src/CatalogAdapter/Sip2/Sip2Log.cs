using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// SIP2 log messages (event ids 3100–3199). Card numbers and barcodes only appear hashed
/// (<see cref="Hash"/>); PINs, passwords and message bodies never appear.
/// </summary>
internal static partial class Sip2Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "SIP2 connection opened to {Host}:{Port} (TLS {UseTls})")]
    public static partial void ConnectionOpened(ILogger logger, string host, int port, bool useTls);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "SIP2 connection failed ({Kind}); reconnecting")]
    public static partial void Reconnecting(ILogger logger, CatalogueErrorKind kind);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "SIP2 login refused for the configured account")]
    public static partial void LoginRefused(ILogger logger);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "SIP2 checksum failed on message {Code}; asking for a resend")]
    public static partial void ChecksumFailed(ILogger logger, string code);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "SIP2 server asked us to resend message {Code}")]
    public static partial void ResendRequested(ILogger logger, string code);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "SIP2 patron {PatronHash} refused: {Failure}")]
    public static partial void PatronRefused(ILogger logger, string patronHash, AuthFailure failure);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "SIP2 summary entry {EntryHash} matches no item; left out of the account")]
    public static partial void UnresolvedSummaryEntry(ILogger logger, string entryHash);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Information, Message = "SIP2 renewal of {ItemHash} refused: {Reason}")]
    public static partial void RenewalRefused(ILogger logger, string itemHash, OutcomeReason reason);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information, Message = "SIP2 hold ({Mode}) refused: {Reason}")]
    public static partial void HoldRefused(ILogger logger, char mode, OutcomeReason reason);

    /// <summary>A short, stable, one-way token for an identifier, so log lines can be correlated without exposing it.</summary>
    public static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 6);
}
