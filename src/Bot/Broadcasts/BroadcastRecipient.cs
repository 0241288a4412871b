namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// One chat in a broadcast's audience (unique per broadcast and chat, so nobody gets it twice): its channel and
/// language when planned, where it stands, and why it was excluded or skipped.
/// </summary>
public sealed record BroadcastRecipient(
    string BroadcastId,
    string ConversationKey,
    string Channel,
    string Language,
    RecipientStatus Status,
    string? Reason,
    DateTimeOffset UpdatedAt);

public enum RecipientStatus
{
    /// <summary>In the audience, waiting for its turn at the broadcast's rate.</summary>
    Pending,
    /// <summary>Left out when the audience was planned (no consent, STOP, channel opt-out, unfollowed, cap, quota); see the reason.</summary>
    Excluded,
    /// <summary>Handed to the chat's inbox; its turn checks consent again and sends.</summary>
    HandedOver,
    /// <summary>The chat's turn put the message in the outbox (its delivery is the outbox's receipt).</summary>
    Queued,
    /// <summary>Outside WeChat's 48-hour window: sent in a WeChat mass send by OpenID list.</summary>
    MassSend,
    /// <summary>The chat's turn did not send it (consent withdrawn meanwhile, broadcast cancelled); see the reason.</summary>
    Skipped,
}
