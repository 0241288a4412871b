namespace LibraryBot.Channels.Outbound;

/// <summary>One option of a question. <see cref="Id"/> comes back in the patron's choice reply.</summary>
public sealed record Choice(string Id, string Title, string? Description = null);
