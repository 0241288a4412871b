using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations;

/// <summary>Options of the escalation dialog: why a librarian is offered, and for staff, what about.</summary>
public sealed record EscalationRequest(EscalationReason Reason, string? Detail = null);
