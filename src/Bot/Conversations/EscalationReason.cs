namespace LibraryBot.Bot.Conversations;

public enum EscalationReason
{
    /// <summary>The patron asked for a person.</summary>
    PatronAsked,
    /// <summary>The bot misunderstood the patron repeatedly.</summary>
    NotUnderstood,
    /// <summary>A dialog needs staff (e.g. a renewal refused for a reason only staff can fix).</summary>
    NeedsStaff,
}

/// <summary>Options of the escalation dialog.</summary>
public sealed record EscalationRequest(EscalationReason Reason, string? Detail = null);

/// <summary>A stored request for a librarian.</summary>
public sealed record EscalationState(EscalationReason Reason, string Locale, DateTimeOffset RequestedAt, string? Detail = null);
