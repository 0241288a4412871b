namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// Options of <see cref="SearchDialog"/>: the patron's words (null = ask), the page, whether the patron asked
/// explicitly, and (for a message tried as a search because nothing else understood it) the misunderstandings in a
/// row before it, which the engine resets when an intent starts.
/// </summary>
public sealed record SearchRequest(string? Terms, int Page = 1, bool Explicit = true, int MisunderstoodBefore = 0);
