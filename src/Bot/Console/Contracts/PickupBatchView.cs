namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// A pickup batch previewed or sent: the branch, the library day, the message as each patron's language says it,
/// who gets it (status <c>ready</c>, <c>already-sent</c> or <c>queued</c>) and who cannot be reached and why.
/// Card and phone numbers are masked.
/// </summary>
public sealed record PickupBatchView(
    string Branch,
    string BranchName,
    DateOnly Day,
    bool Sent,
    string? BatchId,
    int Ready,
    int AlreadySent,
    int Queued,
    IReadOnlyDictionary<string, string> Messages,
    IReadOnlyList<PickupRecipientView> Recipients,
    IReadOnlyList<PickupProblemView> Unreachable);
