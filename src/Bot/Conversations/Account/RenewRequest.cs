namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Options of <see cref="RenewDialog"/>: renew everything ("RA"), choose one ("RL"), or ask — and for one, which ("renew moby dick", "renew 2").</summary>
public sealed record RenewRequest(RenewMode Mode, string? Title = null, int? Number = null);
