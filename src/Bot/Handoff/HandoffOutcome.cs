namespace LibraryBot.Bot.Handoff;

/// <summary>What a staff action did: the result, the owner afterwards, and for replies the window that applied.</summary>
public sealed record HandoffOutcome(HandoffResult Result, string? Owner = null, ServiceWindow? Window = null, bool SentAsTemplate = false);
