namespace LibraryBot.Bot.Conversations.Search;

/// <summary>Options of <see cref="RecordDialog"/>: the record, and the search it came from (to go back to).</summary>
public sealed record RecordRequest(string RecordId, SearchRequest? From = null);
