namespace LibraryBot.Bot.Console.Contracts;

/// <summary>A pasted entry the notice cannot reach, and why.</summary>
public sealed record PickupProblemView(int Line, string Entry, string Reason);
