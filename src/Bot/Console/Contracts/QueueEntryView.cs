namespace LibraryBot.Bot.Console.Contracts;

/// <summary>One queue row: no patron address or message text.</summary>
public sealed record QueueEntryView(string Id, string Channel, string Language, string? Reason, string? Detail, DateTimeOffset? RequestedAt, long? WaitingSeconds, string? Owner);
