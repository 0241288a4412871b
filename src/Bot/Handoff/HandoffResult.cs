namespace LibraryBot.Bot.Handoff;

public enum HandoffResult
{
    Done,
    NotFound,
    /// <summary>Nobody asked for a librarian in this conversation (nothing to claim).</summary>
    NotWaiting,
    /// <summary>Another librarian owns the conversation (a lost claim race, or not yours to answer).</summary>
    OwnedByOther,
    /// <summary>The colleague to transfer to does not exist or cannot answer patrons.</summary>
    UnknownColleague,
}
