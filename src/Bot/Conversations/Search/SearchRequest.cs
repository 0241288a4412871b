namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Options of <see cref="SearchDialog"/>: the patron's words (null = ask) or an author, the page, and whether the
/// patron asked to search (a search verb, "do you have …") or the message was tried as a title because nothing else
/// understood it.
/// </summary>
public sealed record SearchRequest(string? Terms, int Page = 1, bool Explicit = true, string? Author = null);
