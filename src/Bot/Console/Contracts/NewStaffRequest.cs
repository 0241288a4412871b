namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// POST /api/staff/accounts (admins): a new staff account. Username 2–64 letters, digits or . _ - @; display name (what
/// patrons see) up to 80 characters; role librarian, outreach or admin; initial password at least 10 characters.
/// </summary>
public sealed record NewStaffRequest(string? Username, string? DisplayName, string? Role, string? Password);
