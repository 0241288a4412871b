namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/accounts/{username}/role (admins): librarian, outreach or admin.</summary>
public sealed record RoleRequest(string? Role);
