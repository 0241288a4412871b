namespace LibraryBot.Bot.Conversations.Search;

/// <summary>Options of <see cref="SearchDialog"/>: the patron's words (null = ask), the page, and whether the patron asked explicitly.</summary>
public sealed record SearchRequest(string? Terms, int Page = 1, bool Explicit = true);
