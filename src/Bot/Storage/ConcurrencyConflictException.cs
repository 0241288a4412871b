namespace LibraryBot.Bot.Storage;

/// <summary>The conversation changed since it was loaded (another turn or process committed first).</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
