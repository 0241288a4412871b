namespace LibraryBot.Bot.Engine;

/// <summary>Why a conversation asks for a librarian.</summary>
public enum EscalationReason
{
    /// <summary>The patron asked for a person.</summary>
    PatronAsked,
    /// <summary>The bot misunderstood the patron repeatedly.</summary>
    NotUnderstood,
    /// <summary>A dialog needs staff (e.g. a renewal refused for a reason only staff can fix).</summary>
    NeedsStaff,
}
