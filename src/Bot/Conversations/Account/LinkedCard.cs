namespace LibraryBot.Bot.Conversations.Account;

/// <summary>A library card linked to this chat: the patron, their first name and the card number masked (never the PIN).</summary>
public sealed record LinkedCard(string PatronId, string FirstName, string MaskedCard);
