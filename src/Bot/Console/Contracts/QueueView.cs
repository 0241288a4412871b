namespace LibraryBot.Bot.Console.Contracts;

/// <summary>The queue: waiting and owned conversations, and whether staff are in now.</summary>
public sealed record QueueView(bool StaffedNow, string? NextStaffedAt, IReadOnlyList<QueueEntryView> Items);
