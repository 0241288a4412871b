namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/conversations/{id}/transfer: the colleague (username) who takes over.</summary>
public sealed record TransferRequest(string To);
