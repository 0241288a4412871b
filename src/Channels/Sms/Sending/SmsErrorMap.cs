using System.Globalization;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>
/// The one mapping from Twilio's error codes to what we do, for synchronous API errors and for the <c>ErrorCode</c> of
/// undelivered or failed status callbacks alike (docs/sms.md lists the codes).
/// </summary>
public static class SmsErrorMap
{
    /// <summary>The recipient texted STOP: nothing can be sent to them from this number until they text START.</summary>
    public const int Unsubscribed = 21610;

    /// <summary>The number is invalid, not a mobile, unknown to the carrier or unreachable.</summary>
    private static readonly HashSet<int> Unreachable = [21211, 21614, 30003, 30005, 30006];

    /// <summary>The account or its credentials (or the sending number) are unusable: a human must act.</summary>
    private static readonly HashSet<int> AlertHuman = [20003, 20005, 30002];

    /// <summary>Too many requests, or Twilio's queue for the sender is full: try again later.</summary>
    private static readonly HashSet<int> Transient = [20429, 30001];

    /// <summary>
    /// What an error means for the message. <paramref name="code"/> is Twilio's error code (null when the answer had
    /// none); <paramref name="httpStatus"/> the HTTP status of a synchronous answer (0 for status callbacks).
    /// <paramref name="message"/> is Twilio's text, already scrubbed of numbers.
    /// </summary>
    public static SendOutcome ToOutcome(int? code, string? message, int httpStatus = 0)
    {
        var codeText = code?.ToString(CultureInfo.InvariantCulture);
        var reason = $"Twilio error {codeText ?? "(none)"}{(httpStatus > 0 ? $" (HTTP {httpStatus})" : "")}: {message ?? "no message"}";
        return code switch
        {
            Unsubscribed => SendOutcome.Failed("The patron texted STOP to this number: no SMS can reach them until they text START. " + reason, codeText, RecipientEffect.OptedOutOfChannel),
            { } c when Unreachable.Contains(c) => SendOutcome.Failed(reason, codeText, RecipientEffect.Unreachable),
            { } c when AlertHuman.Contains(c) => SendOutcome.Failed(reason, codeText, RecipientEffect.ChannelAlert),
            { } c when Transient.Contains(c) => SendOutcome.Retry(reason, codeText),
            _ when httpStatus >= 500 || httpStatus == 429 => SendOutcome.Retry(reason, codeText),
            _ when httpStatus == 401 => SendOutcome.Failed(reason, codeText, RecipientEffect.ChannelAlert),
            _ => SendOutcome.Failed(reason, codeText),
        };
    }
}
