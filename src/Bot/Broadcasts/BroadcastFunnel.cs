namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// What became of a broadcast: its audience (every chat planned, excluded ones included), the excluded by reason,
/// handed over and waiting, sent, delivered, read and failed (by the channel's error code), skipped, and the patrons who
/// opted out of news within seven days of it.
/// </summary>
public sealed record BroadcastFunnel(
    int Audience,
    int Pending,
    int Sent,
    int Delivered,
    int Read,
    int Failed,
    int Excluded,
    int Skipped,
    IReadOnlyDictionary<string, int> ExcludedByReason,
    IReadOnlyDictionary<string, int> FailedByCode,
    int OptedOut);
