namespace LibraryBot.Bot.Console.Contracts;

/// <summary>The linked patron (when a card is linked): name, loans, holds, fines; or why it could not be read.</summary>
public sealed record PatronView(string? Name, IReadOnlyList<string> Loans, IReadOnlyList<string> Holds, decimal? Fines, string? Currency, string? Problem);
