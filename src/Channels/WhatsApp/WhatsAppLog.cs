using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>WhatsApp channel log messages (event ids 2100–2199). Ids are hashed; texts and numbers are never logged.</summary>
internal static partial class WhatsAppLog
{
    /// <summary>A short, stable, non-reversible tag for a phone number, wamid or other id.</summary>
    public static string Hash(string? id) =>
        id is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];

    [LoggerMessage(2100, LogLevel.Warning, "WhatsApp webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(2101, LogLevel.Information, "WhatsApp webhook accepted {Count} activities ({Accepted} new, {Duplicates} repeated)")]
    public static partial void WebhookAccepted(ILogger logger, int count, int accepted, int duplicates);

    [LoggerMessage(2102, LogLevel.Warning, "WhatsApp verify handshake refused (mode {Mode})")]
    public static partial void VerifyRefused(ILogger logger, string? mode);

    [LoggerMessage(2103, LogLevel.Information, "WhatsApp {Type} message from {UserHash} acknowledged without action")]
    public static partial void UnsupportedMessage(ILogger logger, string type, string userHash);

    [LoggerMessage(2104, LogLevel.Warning, "WhatsApp reported error {Code} for account {AccountHash}: {Title}")]
    public static partial void ChannelError(ILogger logger, int code, string accountHash, string? title);

    [LoggerMessage(2105, LogLevel.Information, "WhatsApp webhook field {Field} ignored")]
    public static partial void FieldIgnored(ILogger logger, string field);

    /// <summary>The reason names a field and, at most, a value Meta defines (a status name), never a patron's data.</summary>
    [LoggerMessage(2106, LogLevel.Warning, "WhatsApp webhook item {Field} skipped, the rest of the batch processed: {Reason}")]
    public static partial void ItemSkipped(ILogger logger, string field, string reason);

    [LoggerMessage(2110, LogLevel.Information, "WhatsApp sent {Count} message(s) to {UserHash} (outbox {OutboxId})")]
    public static partial void Sent(ILogger logger, int count, string userHash, long outboxId);

    [LoggerMessage(2111, LogLevel.Warning, "WhatsApp send to {UserHash} (outbox {OutboxId}) ended {Kind}: code {Code}, {Reason}")]
    public static partial void SendNotSent(ILogger logger, string userHash, long outboxId, string kind, string? code, string? reason);

    [LoggerMessage(2112, LogLevel.Information, "WhatsApp window closed for {UserHash} (outbox {OutboxId}): sending template {Template}")]
    public static partial void SwitchingToTemplate(ILogger logger, string userHash, long outboxId, string template);

    [LoggerMessage(2113, LogLevel.Warning, "WhatsApp mark-as-read for {MessageHash} failed with code {Code}")]
    public static partial void MarkReadFailed(ILogger logger, string messageHash, int code);

    [LoggerMessage(2114, LogLevel.Warning, "WhatsApp send to {UserHash} failed in transport")]
    public static partial void TransportFailed(ILogger logger, Exception exception, string userHash);

    [LoggerMessage(2120, LogLevel.Information, "WhatsApp sandbox accepted a {Type} message for {UserHash}")]
    public static partial void SandboxAccepted(ILogger logger, string type, string userHash);

    [LoggerMessage(2121, LogLevel.Information, "WhatsApp sandbox rejected a message: {Code} {Details}")]
    public static partial void SandboxRejected(ILogger logger, int code, string details);

    [LoggerMessage(2122, LogLevel.Warning, "WhatsApp sandbox could not post a webhook to itself")]
    public static partial void SandboxWebhookFailed(ILogger logger, Exception exception);
}
