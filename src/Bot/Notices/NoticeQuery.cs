namespace LibraryBot.Bot.Notices;

/// <summary>Filters of the notices list; null means any. <see cref="Patron"/> matches the patron id or first name.</summary>
public sealed record NoticeQuery(
    string? Patron = null,
    NoticeKind? Kind = null,
    string? Delivery = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 200);
