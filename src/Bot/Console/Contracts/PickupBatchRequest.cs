namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// <c>POST /api/staff/notices/batch</c>: card numbers or phone numbers ("+" and the country code), each string holding
/// one or more (one per line, or separated by commas); the branch id where the items wait; <c>send</c> false for a
/// preview, true to send.
/// </summary>
public sealed record PickupBatchRequest(IReadOnlyList<string?>? Cards, string? Branch, bool Send = false);
