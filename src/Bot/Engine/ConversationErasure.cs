namespace LibraryBot.Bot.Engine;

/// <summary>Whether a turn asks for the conversation's data to be erased once it has committed.</summary>
public enum ConversationErasure
{
    None,
    /// <summary>Erase, but let the turn's own replies (the confirmation) go out first.</summary>
    AfterReplies,
    /// <summary>Erase and stop every reply still pending (the patron unfollowed).</summary>
    StopEverything,
}
