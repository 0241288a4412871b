using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Localization;

/// <summary>
/// Every patron-facing string, from the Strings resources in English, Spanish, Simplified Chinese and Vietnamese.
/// Word lists (commands, yes/no) are resource strings separated by '|'.
/// </summary>
public sealed class BotText
{
    private static readonly ResourceManager Resources = new("LibraryBot.Bot.Localization.Strings", typeof(BotText).Assembly);
    private readonly ConcurrentDictionary<string, HashSet<string>> _wordsAnyLanguage = new(StringComparer.Ordinal);

    public static ResourceManager ResourceManager => Resources;

    public string Get(string key, string locale, params object?[] args)
    {
        var format = Resources.GetString(key, BotLocales.Culture(locale))
            ?? throw new InvalidOperationException($"Missing string resource '{key}'.");
        return args.Length == 0 ? format : string.Format(BotLocales.Culture(locale), format, args);
    }

    /// <summary>The words of a word-list resource in one language, folded.</summary>
    public IReadOnlyList<string> Words(string key, string locale) =>
        Get(key, locale).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextNormalizer.Fold).ToArray();

    /// <summary>Whether the whole text (folded) is one of the words of <paramref name="key"/> in any of the four languages.</summary>
    public bool MatchesAnyLanguage(string key, string? text)
    {
        var folded = TextNormalizer.Fold(text).TrimEnd('.', '!', '?', '。', '！', '？');
        return folded.Length > 0 && WordsInAnyLanguage(key).Contains(folded);
    }

    private HashSet<string> WordsInAnyLanguage(string key) =>
        _wordsAnyLanguage.GetOrAdd(key, k => BotLocales.All.SelectMany(l => Words(k, l)).ToHashSet(StringComparer.Ordinal));

    /// <summary>The culture a locale code stands for (exposed for tests that check every language has every key).</summary>
    public static CultureInfo CultureOf(string locale) => BotLocales.Culture(locale);
}
