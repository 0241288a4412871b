using System.Globalization;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// The one mapping from Meta's error codes to what we do (channels.md A.7), for synchronous HTTP errors and for
/// <c>statuses[].errors</c> of failed delivery receipts alike.
/// </summary>
public static class WhatsAppErrorMap
{
    /// <summary>The customer service window is closed: send a template instead (never retry as is).</summary>
    public const int ReEngagementRequired = 131047;

    /// <summary>How long to leave a patron alone after Meta's per-recipient pair-rate limit (about 1 message per 6 s).</summary>
    public static readonly TimeSpan PairRateBackoff = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait after the per-user marketing limit (131049).</summary>
    public static readonly TimeSpan MarketingLimitBackoff = TimeSpan.FromHours(24);

    private static readonly HashSet<int> Transient = [130429, 131000, 131016, 131057, 4, 80007];

    private static readonly HashSet<int> AlertHuman = [368, 131031, 190, 131042];

    /// <summary>
    /// What an error means for the message. <paramref name="code"/> is Meta's <c>error.code</c> (null when the answer
    /// had none); <paramref name="httpStatus"/> is the HTTP status of a synchronous answer (0 for webhook statuses).
    /// </summary>
    public static SendOutcome ToOutcome(int? code, string? message, int httpStatus = 0)
    {
        var codeText = code?.ToString(CultureInfo.InvariantCulture);
        var reason = $"WhatsApp error {codeText ?? "(none)"}{(httpStatus > 0 ? $" (HTTP {httpStatus})" : "")}: {message ?? "no message"}";
        return code switch
        {
            { } c when Transient.Contains(c) => SendOutcome.Retry(reason, codeText),
            131056 => SendOutcome.Retry(reason, codeText, PairRateBackoff),
            131049 => SendOutcome.Retry(reason, codeText, MarketingLimitBackoff),
            131026 => SendOutcome.Failed(reason, codeText, RecipientEffect.Unreachable),
            131050 => SendOutcome.Failed(reason, codeText, RecipientEffect.OptedOutOfMarketing),
            { } c when AlertHuman.Contains(c) => SendOutcome.Failed(reason, codeText, RecipientEffect.ChannelAlert),
            ReEngagementRequired => SendOutcome.Held("The patron last wrote more than 24 hours ago: WhatsApp needs an approved template. " + reason, codeText),
            _ when httpStatus >= 500 || httpStatus == 429 => SendOutcome.Retry(reason, codeText),
            _ => SendOutcome.Failed(reason, codeText),
        };
    }
}
