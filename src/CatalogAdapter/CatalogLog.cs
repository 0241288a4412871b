using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter;

/// <summary>
/// Source-generated logging of the catalogue adapters (event ids 3xxx; Embedded 30xx, others add their own
/// ranges). Never log card numbers, PINs or patron ids in clear: pass them through <see cref="Hash"/>.
/// </summary>
internal static partial class CatalogLog
{
    /// <summary>A short, stable, non-reversible tag for an identifier (first 8 hex digits of its SHA-256).</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Demo library created at {Path} with {Records} records (schema version {Version})")]
    public static partial void DemoLibraryCreated(ILogger logger, string path, int records, int version);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Card {PatronHash} locked out after {Attempts} wrong PINs")]
    public static partial void PatronLockedOut(ILogger logger, string patronHash, int attempts);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Search ({Field}, {Script}) found {Total} records in {ElapsedMs} ms")]
    public static partial void SearchCompleted(ILogger logger, SearchField field, string script, int total, double elapsedMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Renewal for {PatronHash}: {Renewed} of {Loans} loans renewed")]
    public static partial void RenewalsDone(ILogger logger, string patronHash, int renewed, int loans);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Hold {Action} for {PatronHash}: {Outcome}")]
    public static partial void HoldChanged(ILogger logger, string action, string patronHash, string outcome);
}
