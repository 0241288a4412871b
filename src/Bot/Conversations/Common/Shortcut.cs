namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Words (a '|'-separated word-list resource, all four languages) that start an intent from anywhere, even in the
/// middle of another dialog. <see cref="Anywhere"/> = the words may appear inside a longer message ("are you open now?").
/// </summary>
public sealed record Shortcut(string WordsKey, string IntentName, object? Options = null, bool Anywhere = false);
