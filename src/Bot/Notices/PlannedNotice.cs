namespace LibraryBot.Bot.Notices;

/// <summary>
/// One notice about one hold or loan of one patron. <see cref="Key"/> identifies it for good (kind, patron, hold or
/// loan, and the date or stage it is about), so a notice is never sent twice: a renewed loan has a new due date and so
/// a new due-soon key. <see cref="Date"/> is the pickup-by date of a hold (if known) or the due date of a loan.
/// </summary>
public sealed record PlannedNotice(
    string Key,
    NoticeKind Kind,
    string PatronId,
    string PatronName,
    string Title,
    string ItemId,
    string? BranchName,
    DateOnly? Date);
