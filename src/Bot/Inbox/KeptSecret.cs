namespace LibraryBot.Bot.Inbox;

/// <summary>A secret held for a message's turn: the PIN, whether it was the whole message, and until when it is kept.</summary>
public sealed record KeptSecret(string Secret, bool WholeMessage, DateTimeOffset Expires);
