namespace LibraryBot.Bot.Notices;

/// <summary>
/// What one notice run did: how many chats it looked at, the notices and digests it planned (each digest is one message),
/// digests handed over again after a crash, and the chats it skipped, counted by reason.
/// </summary>
public sealed record NoticeRunReport(
    string RunId,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Outcome,
    int Chats,
    int Notices,
    int Digests,
    int Resumed,
    IReadOnlyDictionary<string, int> Skipped,
    DateTimeOffset? QuietUntil = null)
{
    public const string Done = "done";
    public const string Busy = "another run is in progress";
    public const string Quiet = "quiet hours: nothing is sent until they end";
}
