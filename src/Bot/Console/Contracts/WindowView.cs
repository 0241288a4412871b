namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// The channel rule for a reply now: free-form while the window is open, a template when it is closed.
/// <paramref name="ClosesAtLocal"/> and <paramref name="Rule"/> give the deadline in the library's time ("Sat 28 Nov, 11:58").
/// </summary>
public sealed record WindowView(bool Open, bool TemplateNeeded, DateTimeOffset? ClosesAt, string? ClosesAtLocal, string Rule);
