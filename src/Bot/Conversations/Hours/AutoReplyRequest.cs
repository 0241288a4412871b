namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Options of <see cref="AutoReplyDialog"/>: which rule matched.</summary>
public sealed record AutoReplyRequest(string Rule);
