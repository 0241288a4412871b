namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// One broadcast written by outreach staff: who gets it (<see cref="Audience"/>), what it says in each language, the
/// WhatsApp marketing template for patrons outside the 24-hour window, when and how fast it goes, and where it stands.
/// </summary>
public sealed record Broadcast(
    string Id,
    string Name,
    BroadcastAudience Audience,
    BroadcastContent Content,
    BroadcastTemplate? WhatsAppTemplate,
    DateTimeOffset? SendAt,
    int RatePerSecond,
    BroadcastStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null);

/// <summary>
/// Who a broadcast is for: patrons signed up for any of <see cref="Topics"/>, narrowed (when a list is not empty) to
/// the branches, languages (en, es, zh, vi) and channels (whatsapp, wechat, sms) given.
/// </summary>
public sealed record BroadcastAudience(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels);

/// <summary>The text per language code (en, es, zh, vi) and an optional image and link.</summary>
public sealed record BroadcastContent(IReadOnlyDictionary<string, string> Text, string? ImageUrl = null, string? Link = null);

/// <summary>An approved WhatsApp marketing template: its name and its body parameters {{1}}, {{2}}… in order.</summary>
public sealed record BroadcastTemplate(string Name, IReadOnlyList<string> Parameters);

public enum BroadcastStatus
{
    /// <summary>Written, audience counted, not sent yet.</summary>
    Draft,
    /// <summary>Will start at its send time.</summary>
    Scheduled,
    /// <summary>Recipients are being handed to their chats at the broadcast's rate.</summary>
    Sending,
    Paused,
    Cancelled,
    /// <summary>Every recipient was handed over or excluded.</summary>
    Finished,
}
