namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/accounts/{username}/display-name (admins): the name patrons see, up to 80 characters.</summary>
public sealed record DisplayNameRequest(string? DisplayName);
