using System.Collections.Frozen;
using System.Text.Json;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// The phrases the bot understands, per intent and language, from the embedded files <c>Understanding/Lexicon/*.json</c>
/// (one object per intent, or <c>intent:value</c> for an intent with a value such as <c>language:es</c>; each holds a
/// list of phrases per language). Phrase syntax: <c>=</c> first means "only as the whole message"; <c>{terms}</c> or
/// <c>{author}</c> is the free part; <c>…</c> allows a few other units in between. The special entries <c>_filler</c>
/// (please, porfa, 帮我, làm ơn…) and <c>_greeting</c> list words that never change what a message asks.
/// </summary>
public sealed class Lexicon
{
    public const string FillerKey = "_filler";
    public const string GreetingKey = "_greeting";
    public const string SubjectKey = "_subject";
    public const string TrimKey = "_trim";
    private const char Gap = '…';

    private Lexicon(IReadOnlyList<LexiconPhrase> phrases, FrozenSet<string> filler, FrozenSet<string> greetings, FrozenDictionary<string, string> fillerLanguage, FrozenSet<string> subjects, FrozenSet<string> trim)
    {
        Trim = trim;
        Phrases = phrases;
        Subjects = subjects;
        _languagesByPhrase = phrases
            .GroupBy(p => FixedText(p), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Language).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        Filler = filler;
        Greetings = greetings;
        FillerLanguage = fillerLanguage;
    }

    private readonly FrozenDictionary<string, int> _languagesByPhrase;

    public IReadOnlyList<LexiconPhrase> Phrases { get; }

    /// <summary>Whether only one language has this phrase ("menu" and "ok" belong to several).</summary>
    public bool IsLanguageSpecific(LexiconPhrase phrase) => _languagesByPhrase.GetValueOrDefault(FixedText(phrase)) == 1;

    /// <summary>Folded single units that can be ignored around a request.</summary>
    public FrozenSet<string> Filler { get; }

    /// <summary>Folded greeting units ("hi", "hola", "chao", "你", "好").</summary>
    public FrozenSet<string> Greetings { get; }

    /// <summary>Folded units trimmed from the edges of a phrase's free part ("please", "porfa", "nhé", "cuốn", "吗"): narrower than filler, so titles keep their words.</summary>
    public FrozenSet<string> Trim { get; }

    /// <summary>Folded subject words and phrases ("cocina", "历史", "lich su"): "libros de cocina" is a subject, not an author.</summary>
    public FrozenSet<string> Subjects { get; }

    /// <summary>For filler and greeting units that belong to one language only, that language (a hint for detection).</summary>
    public FrozenDictionary<string, string> FillerLanguage { get; }

    public static Lexicon LoadEmbedded()
    {
        var assembly = typeof(Lexicon).Assembly;
        var entries = new List<(string Key, string Language, string Phrase, string Source)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("LibraryBot.Bot.Lexicon.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(stream)
                ?? throw new InvalidOperationException($"Lexicon {name} is empty.");
            foreach (var (key, languages) in file)
            {
                foreach (var (language, phrases) in languages)
                {
                    if (!BotLocales.All.Contains(language))
                    {
                        throw new InvalidOperationException($"Lexicon {name}: '{key}' has phrases for unknown language '{language}'.");
                    }

                    entries.AddRange(phrases.Select(p => (key, language, p, name)));
                }
            }
        }

        return Build(entries);
    }

    /// <summary>Builds a lexicon from (key, language, phrase) entries; also used for the library's own auto-reply keywords.</summary>
    public static Lexicon Build(IEnumerable<(string Key, string Language, string Phrase, string Source)> entries)
    {
        var phrases = new List<LexiconPhrase>();
        var filler = new HashSet<string>(StringComparer.Ordinal);
        var greetings = new HashSet<string>(StringComparer.Ordinal);
        var fillerLanguages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var trim = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, language, phrase, source) in entries)
        {
            if (key == SubjectKey)
            {
                subjects.Add(Fold(phrase));
                continue;
            }

            if (key == TrimKey)
            {
                trim.UnionWith(Utterance.UnitsOf(phrase).Select(u => u.Text));
                continue;
            }

            if (key is FillerKey or GreetingKey)
            {
                foreach (var unit in Utterance.UnitsOf(phrase))
                {
                    (key == FillerKey ? filler : greetings).Add(unit.Text);
                    if (!fillerLanguages.TryGetValue(unit.Text, out var set))
                    {
                        fillerLanguages[unit.Text] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(language);
                }

                continue;
            }

            phrases.Add(ParsePhrase(key, language, phrase, source));
        }

        var single = fillerLanguages.Where(kv => kv.Value.Count == 1).ToFrozenDictionary(kv => kv.Key, kv => kv.Value.First(), StringComparer.Ordinal);
        return new Lexicon(phrases, filler.ToFrozenSet(StringComparer.Ordinal), greetings.ToFrozenSet(StringComparer.Ordinal), single, subjects.ToFrozenSet(StringComparer.Ordinal), trim.ToFrozenSet(StringComparer.Ordinal));
    }

    private static string FixedText(LexiconPhrase phrase) => string.Join(' ', phrase.Before.Concat(phrase.After).Where(u => u is not null));

    /// <summary>A phrase as its content units joined by spaces (how subjects are compared).</summary>
    public static string Fold(string phrase) => string.Join(' ', Utterance.UnitsOf(phrase).Where(u => u.IsContent).Select(u => u.Text));

    /// <summary>This lexicon and another (the library's auto-replies) as one.</summary>
    public Lexicon With(Lexicon other) =>
        new([.. Phrases, .. other.Phrases], Filler.Union(other.Filler).ToFrozenSet(StringComparer.Ordinal), Greetings.Union(other.Greetings).ToFrozenSet(StringComparer.Ordinal), FillerLanguage, Subjects.Union(other.Subjects).ToFrozenSet(StringComparer.Ordinal), Trim.Union(other.Trim).ToFrozenSet(StringComparer.Ordinal));

    private static LexiconPhrase ParsePhrase(string key, string language, string phrase, string source)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var intent = colon < 0 ? key : key[..colon];
        var value = colon < 0 ? null : key[(colon + 1)..];
        var text = phrase.Trim();
        var wholeOnly = text.StartsWith('=');
        if (wholeOnly)
        {
            text = text[1..].Trim();
        }

        var slot = PhraseSlot.None;
        var before = text;
        var after = string.Empty;
        foreach (var (marker, kind) in new[] { ("{terms}", PhraseSlot.Terms), ("{author}", PhraseSlot.Author) })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                slot = kind;
                before = text[..at];
                after = text[(at + marker.Length)..];
            }
        }

        var parsed = new LexiconPhrase(intent, value, language, source, Units(before), slot, Units(after), wholeOnly);
        if (parsed.FixedUnits == 0)
        {
            throw new InvalidOperationException($"Lexicon {source}: the phrase '{phrase}' of '{key}' ({language}) has nothing to match.");
        }

        return parsed;
    }

    private static List<string?> Units(string part)
    {
        var units = new List<string?>();
        var pieces = part.Split(Gap);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                units.Add(null);
            }

            units.AddRange(Utterance.UnitsOf(pieces[i]).Where(u => u.IsContent).Select(u => u.Text));
        }

        return units;
    }
}
