namespace LibraryBot.Bot.Handoff;

/// <summary>One audit line: who, what, which conversation (its hashed key) or staff account (<paramref name="Target"/>), when.</summary>
public sealed record StaffAuditEntry(DateTimeOffset At, string Username, string Action, string? ConversationHash, string? Target = null);
