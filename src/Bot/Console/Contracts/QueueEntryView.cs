namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// One queue row. <paramref name="PatronName"/> is the channel's profile name when it sent one;
/// <paramref name="PatronAddress"/> the number or OpenID masked ("+1 555 ••• 0142", "WeChat user ••3f9a");
/// <paramref name="Preview"/> the first words of the request, masked as transcripts are (never a PIN);
/// times ending in <c>Local</c> are in the library's time zone.
/// </summary>
public sealed record QueueEntryView(
    string Id,
    string Channel,
    string Language,
    string LanguageName,
    string? Reason,
    string ReasonText,
    string? Detail,
    DateTimeOffset? RequestedAt,
    string? RequestedAtLocal,
    long? WaitingSeconds,
    string? Owner,
    string? OwnerName,
    string? PatronName,
    string PatronAddress,
    string? Preview);
