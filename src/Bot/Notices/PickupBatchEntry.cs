namespace LibraryBot.Bot.Notices;

/// <summary>
/// One card number or phone number a librarian pasted or scanned into the pickup batch, with its line (1-based, as the
/// librarian sees it). <see cref="Value"/> is the normalised number (card digits, or the phone's digits without "+");
/// <see cref="Problem"/> says why an entry is neither.
/// </summary>
public sealed record PickupBatchEntry(int Line, PickupBatchEntryKind Kind, string Value, string? Problem = null);
