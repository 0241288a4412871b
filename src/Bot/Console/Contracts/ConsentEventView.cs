namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// One consent-ledger event as staff see it: what was agreed or withdrawn, when (<paramref name="AtLocal"/> in library
/// time), how, who acted (<c>patron</c> or <c>staff:&lt;username&gt;</c>) and the exact words shown.
/// </summary>
public sealed record ConsentEventView(
    string Channel,
    string Purpose,
    string Action,
    DateTimeOffset At,
    string AtLocal,
    string Source,
    string Actor,
    string? Wording,
    string? WordingVersion,
    string? Language);
