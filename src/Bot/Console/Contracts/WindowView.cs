namespace LibraryBot.Bot.Console.Contracts;

/// <summary>The channel rule for a reply now: free-form while the window is open, a template when it is closed.</summary>
public sealed record WindowView(bool Open, bool TemplateNeeded, DateTimeOffset? ClosesAt, string Rule);
