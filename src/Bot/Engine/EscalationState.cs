namespace LibraryBot.Bot.Engine;

/// <summary>A stored request for a librarian (the staff queue is built from these).</summary>
public sealed record EscalationState(EscalationReason Reason, string Locale, DateTimeOffset RequestedAt, string? Detail = null);
