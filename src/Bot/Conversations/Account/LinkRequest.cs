namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Options of <see cref="LinkCardDialog"/>: whether to explain first why a card is needed (an account action asked for it).</summary>
public sealed record LinkRequest(bool Explain);
