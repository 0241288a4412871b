using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>SRU search log events (3400–3499). Search words are never logged.</summary>
internal static partial class SruLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Debug, Message = "SRU search on {Field}: {Total} records, page {Page}")]
    public static partial void Searched(ILogger logger, SearchField field, int total, int page);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "SRU server diagnostic {Uri}: {Message}")]
    public static partial void Diagnostic(ILogger logger, string uri, string? message);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "SRU call failed ({Kind})")]
    public static partial void CallFailed(ILogger logger, CatalogueErrorKind kind, Exception exception);
}
