using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>A chat as staff notices need it: where it is, its language, and the cards linked in it (the one in use first).</summary>
public sealed record PatronChat(ConversationRef Address, string Locale, IReadOnlyList<LinkedCard> Cards)
{
    /// <summary>The chat as read from its stored state.</summary>
    public static PatronChat From(ConversationRef address, ConversationState state)
    {
        var active = LinkedCards.Active(state);
        return new PatronChat(address, state.Locale ?? BotLocales.Default, LinkedCards.All(state).OrderByDescending(c => c == active).ToList());
    }
}
