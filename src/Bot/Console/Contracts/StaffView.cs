namespace LibraryBot.Bot.Console.Contracts;

public sealed record StaffView(string Username, string DisplayName, string Role, bool Available);
