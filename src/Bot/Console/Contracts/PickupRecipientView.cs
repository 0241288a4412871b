namespace LibraryBot.Bot.Console.Contracts;

/// <summary>One chat the notice goes to: the pasted line, the entry masked, the patron, the chat's channel, address (masked) and language.</summary>
public sealed record PickupRecipientView(
    int Line, string Entry, string Patron, string Channel, string Address, string Language, string LanguageName, string Status, string StatusText);
