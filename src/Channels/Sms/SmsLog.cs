using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Sms;

/// <summary>
/// SMS channel log messages (event ids 2300–2399). Phone numbers, message SIDs and texts are never logged: numbers and
/// SIDs only as <see cref="Hash"/> tags, Twilio's error texts only through <see cref="Scrub"/>.
/// </summary>
internal static partial class SmsLog
{
    /// <summary>A short, stable, non-reversible tag for a phone number or message SID.</summary>
    public static string Hash(string? id) =>
        id is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];

    /// <summary>Twilio's error texts quote the number ("The 'To' number +1555… is not valid"): every run of digits goes.</summary>
    public static string? Scrub(string? text) => text is null ? null : Digits().Replace(text, "[number]");

    [GeneratedRegex(@"\+?\d[\d ()\-.]{4,}\d")]
    private static partial Regex Digits();

    [LoggerMessage(2300, LogLevel.Warning, "SMS webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(2301, LogLevel.Information, "SMS webhook accepted {Count} activities ({Accepted} new, {Duplicates} repeated)")]
    public static partial void WebhookAccepted(ILogger logger, int count, int accepted, int duplicates);

    /// <summary>The status is a value Twilio defines (queued, sending…), never a patron's data.</summary>
    [LoggerMessage(2302, LogLevel.Debug, "SMS status callback {Status} for {MessageHash} needs no action")]
    public static partial void StatusIgnored(ILogger logger, string status, string messageHash);

    [LoggerMessage(2303, LogLevel.Warning, "SMS status callback skipped: {Reason}")]
    public static partial void StatusSkipped(ILogger logger, string reason);

    [LoggerMessage(2310, LogLevel.Information, "SMS sent {Count} message(s) to {UserHash} (outbox {OutboxId})")]
    public static partial void Sent(ILogger logger, int count, string userHash, long outboxId);

    [LoggerMessage(2311, LogLevel.Warning, "SMS send to {UserHash} (outbox {OutboxId}) ended {Kind}: Twilio code {Code}")]
    public static partial void SendNotSent(ILogger logger, string userHash, long outboxId, string kind, string? code);

    [LoggerMessage(2312, LogLevel.Warning, "SMS send to {UserHash} failed in transport ({ExceptionType})")]
    public static partial void TransportFailed(ILogger logger, string userHash, string exceptionType);

    [LoggerMessage(2313, LogLevel.Warning, "SMS: no public address is configured (Channels:Sms:WebhookBaseUrl), so messages go without a StatusCallback and delivery statuses arrive only if the Twilio console sets a status callback")]
    public static partial void NoStatusCallback(ILogger logger);

    [LoggerMessage(2320, LogLevel.Information, "SMS sandbox accepted a message for {UserHash}")]
    public static partial void SandboxAccepted(ILogger logger, string userHash);

    [LoggerMessage(2321, LogLevel.Information, "SMS sandbox refused a message: Twilio code {Code}")]
    public static partial void SandboxRejected(ILogger logger, int code);

    [LoggerMessage(2322, LogLevel.Warning, "SMS sandbox could not post a webhook to itself")]
    public static partial void SandboxWebhookFailed(ILogger logger, Exception exception);

    [LoggerMessage(2323, LogLevel.Information, "SMS sandbox: StatusCallback is not this server's status webhook, so no callback is posted")]
    public static partial void SandboxCallbackElsewhere(ILogger logger);
}
