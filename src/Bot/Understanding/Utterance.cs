using System.Globalization;
using System.Text;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// A patron's message cut into units for matching: words of spaced scripts folded (lower case, no accents, no
/// apostrophes), each Chinese character on its own, digit runs, symbols (emoji). Every unit remembers where it stands in
/// the original text, so entities are taken from what the patron actually wrote.
/// </summary>
public sealed class Utterance
{
    /// <summary>What the redactor leaves where it took a PIN out of a message (see <see cref="SecretFinder"/>).</summary>
    public const string SecretMarker = "\u2063PIN\u2063";

    private Utterance(string text, IReadOnlyList<MessageUnit> units)
    {
        Text = text;
        Units = units;
    }

    public string Text { get; }

    public IReadOnlyList<MessageUnit> Units { get; }

    public bool HasCjk => Units.Any(u => u.Kind == UnitKind.Cjk);

    public bool HasContent => Units.Any(u => u.IsContent);

    /// <summary>The original text from unit <paramref name="first"/> to unit <paramref name="last"/> (inclusive), trimmed.</summary>
    public string Span(int first, int last) =>
        first > last ? string.Empty : Text[Units[first].Start..Units[last].End].Trim();

    public static Utterance Parse(string? text)
    {
        text ??= string.Empty;
        var units = new List<MessageUnit>();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, SecretMarker, 0, SecretMarker.Length) == 0)
            {
                units.Add(new MessageUnit(SecretMarker, UnitKind.Secret, i, SecretMarker.Length));
                i += SecretMarker.Length;
                continue;
            }

            var c = text[i];
            if (IsCjk(c))
            {
                units.Add(new MessageUnit(c.ToString(), UnitKind.Cjk, i, 1));
                i++;
            }
            else if (IsDigit(c))
            {
                var start = i;
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }

                units.Add(new MessageUnit(TextNormalizer.NarrowDigits(text[start..i]), UnitKind.Number, start, i - start));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                var word = FoldWord(text[start..i]);
                if (word.Length > 0)
                {
                    units.Add(new MessageUnit(word, UnitKind.Word, start, i - start));
                }
            }
            else if (char.IsSurrogate(c) || IsSymbol(c))
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                units.Add(new MessageUnit(text.Substring(i, length), UnitKind.Symbol, i, length));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return new Utterance(text, units);
    }

    /// <summary>Folds a phrase from the lexicon into units the same way messages are folded.</summary>
    public static IReadOnlyList<MessageUnit> UnitsOf(string phrase) => Parse(phrase).Units;

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static bool IsWordChar(char c) => char.IsLetter(c) && !IsCjk(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool IsSymbol(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol;

    /// <summary>Folds a word; apostrophes go, and a letter stretched for emphasis counts twice at most ("hiiiii" → "hii", "holaaaa" → "holaa").</summary>
    private static string FoldWord(string word)
    {
        var folded = TextNormalizer.Fold(word);
        if (folded.Length == 0)
        {
            return folded;
        }

        var sb = new StringBuilder(folded.Length);
        var distinct = folded.Distinct().Count() > 1;
        foreach (var ch in folded)
        {
            if (IsApostrophe(ch))
            {
                continue;
            }

            var stretched = distinct && sb.Length >= 2 && sb[^1] == ch && sb[^2] == ch;
            if (stretched)
            {
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
