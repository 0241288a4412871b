namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/accounts/{username}/password (admins): the new password, at least 10 characters.</summary>
public sealed record PasswordRequest(string? Password);
