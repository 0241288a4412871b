namespace LibraryBot.Bot.Console.Contracts;

/// <summary>A staff account on the admins' accounts page (never its password hash).</summary>
public sealed record AccountView(string Username, string DisplayName, string Role, bool Available, bool Disabled);
