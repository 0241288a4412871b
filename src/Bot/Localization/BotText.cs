using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Localization;

/// <summary>
/// Every patron-facing string, in English, Spanish, Simplified Chinese and Vietnamese. The strings live in embedded
/// resources <c>Localization/Strings/*.json</c> (one file per feature area; each key holds all four languages side by
/// side). Word lists (commands, yes/no) are strings separated by '|'.
/// </summary>
public sealed class BotText
{
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Table = new(Load);
    private readonly ConcurrentDictionary<string, HashSet<string>> _wordsAnyLanguage = new(StringComparer.Ordinal);

    /// <summary>Every key with its text per language, as loaded (for the parity test).</summary>
    public static IReadOnlyDictionary<string, FrozenDictionary<string, string>> All => Table.Value;

    public string Get(string key, string locale, params object?[] args)
    {
        if (!Table.Value.TryGetValue(key, out var languages))
        {
            throw new InvalidOperationException($"Missing string resource '{key}'.");
        }

        var format = languages.TryGetValue(locale, out var text) ? text : languages[BotLocales.Default];
        return args.Length == 0 ? format : string.Format(BotLocales.Culture(locale), format, args);
    }

    /// <summary>A string resource with its arguments written for the language: dates as that language writes them.</summary>
    public string Format(string key, string locale, params object?[] args) => Say.Text(key, args).Render(this, locale);

    /// <summary>The words of a word-list resource in one language, folded.</summary>
    public IReadOnlyList<string> Words(string key, string locale) =>
        Get(key, locale).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextNormalizer.Fold).ToArray();

    /// <summary>Whether the whole text (folded, end punctuation ignored) is one of the words of <paramref name="key"/> in any of the four languages.</summary>
    public bool MatchesAnyLanguage(string key, string? text)
    {
        var folded = TextNormalizer.Fold(text).TrimEnd('.', '!', '?', '。', '！', '？');
        return folded.Length > 0 && WordsInAnyLanguage(key).Contains(folded);
    }

    private HashSet<string> WordsInAnyLanguage(string key) =>
        _wordsAnyLanguage.GetOrAdd(key, k => BotLocales.All.SelectMany(l => Words(k, l)).ToHashSet(StringComparer.Ordinal));

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(BotText).Assembly;
        var table = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("LibraryBot.Bot.Strings.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"String resource {name} is empty.");
            foreach (var (key, languages) in file)
            {
                if (!table.TryAdd(key, languages.ToFrozenDictionary(StringComparer.Ordinal)))
                {
                    throw new InvalidOperationException($"String '{key}' is defined twice (again in {name}).");
                }
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
