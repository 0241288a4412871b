namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>Options of <see cref="PlaceHoldDialog"/>: the record to hold and its title (for the messages).</summary>
public sealed record PlaceHoldRequest(string RecordId, string Title);
