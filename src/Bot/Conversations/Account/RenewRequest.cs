namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Options of <see cref="RenewDialog"/>: renew everything ("RA"), choose one ("RL"), or ask.</summary>
public sealed record RenewRequest(RenewMode Mode);
