namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/login. With <c>?useCookies=true</c> the console gets a cookie; otherwise a bearer token is returned.</summary>
public sealed record LoginRequest(string? Username, string? Password);
