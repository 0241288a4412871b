namespace LibraryBot.Bot.Console.Contracts;

/// <summary>The queue: waiting and owned conversations, whether staff are in now, and when next (library time, <paramref name="TimeZone"/>).</summary>
public sealed record QueueView(bool StaffedNow, string? NextStaffedAt, string TimeZone, IReadOnlyList<QueueEntryView> Items);
