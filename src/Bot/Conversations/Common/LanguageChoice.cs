namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Options of <see cref="LanguageSwitchDialog"/>: the language the patron asked for.</summary>
public sealed record LanguageChoice(string? Locale);
