namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/accounts (admins): a new staff account; role is librarian, outreach or admin.</summary>
public sealed record NewStaffRequest(string Username, string? DisplayName, string Role, string Password);
