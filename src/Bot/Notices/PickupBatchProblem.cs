namespace LibraryBot.Bot.Notices;

/// <summary>A pasted entry the notice cannot reach, and why, in words a librarian can act on.</summary>
public sealed record PickupBatchProblem(PickupBatchEntry Entry, string Reason);
