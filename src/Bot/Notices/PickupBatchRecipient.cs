namespace LibraryBot.Bot.Notices;

/// <summary>A chat the pickup notice goes to, for one patron, from one pasted entry; <see cref="Notice"/> is what the ledger keeps.</summary>
public sealed record PickupBatchRecipient(PickupBatchEntry Entry, PatronChat Chat, PlannedNotice Notice, PickupRecipientStatus Status);
