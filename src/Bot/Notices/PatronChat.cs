using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>A chat as staff notices need it: where it is, its language, and the cards linked in it (the one in use first).</summary>
public sealed record PatronChat(ConversationRef Address, string Locale, IReadOnlyList<LinkedCard> Cards);
