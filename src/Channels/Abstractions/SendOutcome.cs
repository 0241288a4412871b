namespace LibraryBot.Channels.Abstractions;

public enum SendOutcomeKind
{
    /// <summary>The channel accepted the message; <see cref="SendOutcome.ChannelMessageId"/> identifies it.</summary>
    Sent,
    /// <summary>A transient failure (timeout, 5xx, throttling): try again later.</summary>
    RetryLater,
    /// <summary>A permanent failure: do not retry. <see cref="SendOutcome.Reason"/> says why.</summary>
    Failed,
    /// <summary>Not sent and kept for staff, with a reason (e.g. the channel's service window is closed and no template fits).</summary>
    Held,
}

/// <summary>What sending did to the recipient's standing on the channel, if anything.</summary>
public enum RecipientEffect
{
    None,
    Unreachable,
    OptedOutOfMarketing,
    /// <summary>The whole channel account is blocked or its credentials are invalid: alert a human.</summary>
    ChannelAlert,
    /// <summary>
    /// The patron opted out of the whole channel (an SMS STOP: the carrier or Twilio blocks every message until they
    /// text START). Nothing can reach them on this channel until they opt back in there.
    /// </summary>
    OptedOutOfChannel,
}

public sealed record SendOutcome(
    SendOutcomeKind Kind,
    string? ChannelMessageId = null,
    string? Reason = null,
    string? ErrorCode = null,
    TimeSpan? RetryAfter = null,
    RecipientEffect Effect = RecipientEffect.None)
{
    public static SendOutcome Sent(string channelMessageId) => new(SendOutcomeKind.Sent, channelMessageId);

    public static SendOutcome Retry(string reason, string? errorCode = null, TimeSpan? retryAfter = null) =>
        new(SendOutcomeKind.RetryLater, Reason: reason, ErrorCode: errorCode, RetryAfter: retryAfter);

    public static SendOutcome Failed(string reason, string? errorCode = null, RecipientEffect effect = RecipientEffect.None) =>
        new(SendOutcomeKind.Failed, Reason: reason, ErrorCode: errorCode, Effect: effect);

    public static SendOutcome Held(string reason, string? errorCode = null) =>
        new(SendOutcomeKind.Held, Reason: reason, ErrorCode: errorCode);
}
