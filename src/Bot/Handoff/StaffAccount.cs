namespace LibraryBot.Bot.Handoff;

/// <summary>A staff member as stored (the password only as a PBKDF2 hash).</summary>
public sealed record StaffAccount(string Username, string DisplayName, string Role, string PasswordHash, bool Available);
