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

/// <summary>What a staff action did: the result, the owner afterwards, and for replies the window that applied.</summary>
public sealed record HandoffOutcome(HandoffResult Result, string? Owner = null, ServiceWindow? Window = null, bool SentAsTemplate = false);
