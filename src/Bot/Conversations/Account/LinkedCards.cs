using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>The cards linked to a conversation (a family can link several) and the one in use, kept in <see cref="ConversationState.Values"/>.</summary>
public static class LinkedCards
{
    public const string CardsKey = "cards";
    public const string ActiveKey = "cards.active";

    public static IReadOnlyList<LinkedCard> All(ConversationState state) =>
        state.Values.TryGetValue(CardsKey, out var json) ? JsonSerializer.Deserialize<List<LinkedCard>>(json, StoreJson.Options) ?? [] : [];

    public static LinkedCard? Active(ConversationState state)
    {
        var all = All(state);
        return state.Values.TryGetValue(ActiveKey, out var id) ? all.FirstOrDefault(c => c.PatronId == id) : null;
    }

    /// <summary>Adds (or refreshes) a card and makes it the one in use.</summary>
    public static void Link(ConversationState state, LinkedCard card)
    {
        var all = All(state).Where(c => c.PatronId != card.PatronId).Append(card).ToList();
        Save(state, all);
        state.Values[ActiveKey] = card.PatronId;
    }

    public static void Use(ConversationState state, string patronId)
    {
        if (All(state).Any(c => c.PatronId == patronId))
        {
            state.Values[ActiveKey] = patronId;
        }
    }

    /// <summary>Removes a card; if it was in use, the first remaining card (if any) takes its place.</summary>
    public static void Unlink(ConversationState state, string patronId)
    {
        var remaining = All(state).Where(c => c.PatronId != patronId).ToList();
        Save(state, remaining);
        if (Active(state) is null)
        {
            if (remaining.Count > 0)
            {
                state.Values[ActiveKey] = remaining[0].PatronId;
            }
            else
            {
                state.Values.Remove(ActiveKey);
            }
        }
    }

    private static void Save(ConversationState state, List<LinkedCard> cards)
    {
        if (cards.Count == 0)
        {
            state.Values.Remove(CardsKey);
            return;
        }

        state.Values[CardsKey] = JsonSerializer.Serialize(cards, StoreJson.Options);
    }
}
