namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/presence: available (answering) or away.</summary>
public sealed record PresenceRequest(bool Available);
