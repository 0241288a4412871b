namespace LibraryBot.Bot.Console.Contracts;

/// <summary>A staff member as the console shows them: the signed-in user (<c>/me</c>) or a colleague to transfer to, with presence.</summary>
public sealed record StaffView(string Username, string DisplayName, string Role, bool Available);
