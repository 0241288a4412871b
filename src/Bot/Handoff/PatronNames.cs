using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// The patron's channel profile name (WhatsApp sends it with each message) kept in the conversation's state only while
/// a request for a librarian or a librarian's chat is open, so the queue can tell patrons apart; forgotten when it ends.
/// </summary>
public static class PatronNames
{
    public const int MaxLength = 60;

    /// <summary>After a turn: keeps the name while a request or chat is open, forgets it otherwise.</summary>
    public static void Remember(TurnContext context)
    {
        var state = context.State;
        var name = context.Activity.SenderName?.Trim();
        if (state.Escalation is null && state.HandoffOwner is null)
        {
            Forget(state);
            return;
        }

        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        state.Values[HandoffKeys.PatronName] = name.Length > MaxLength ? name[..MaxLength] : name;
    }

    public static void Forget(ConversationState state) => state.Values.Remove(HandoffKeys.PatronName);
}
