namespace LibraryBot.Bot.Consent;

/// <summary>
/// One consent event as it is appended: the purpose, grant or withdraw, when and how, the exact wording the patron was
/// shown (with its version and language) and who acted (<c>patron</c> or <c>staff:&lt;username&gt;</c>).
/// </summary>
public sealed record ConsentRecord(
    string Purpose,
    ConsentAction Action,
    DateTimeOffset At,
    ConsentSource Source,
    string Actor,
    string? Wording = null,
    string? WordingVersion = null,
    string? Language = null);
