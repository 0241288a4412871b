using System.Globalization;
using System.Text;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Text preparation shared by indexing and querying: Unicode normalisation, folding of Vietnamese đ/Đ (a letter,
/// which unicode61 does not fold), tokenising user input into safe FTS5 phrases, and ISBN forms.
/// </summary>
internal static class SearchText
{
    private const int MaxTokens = 12;
    private const int MaxInputLength = 200;

    /// <summary>NFC-normalises and folds đ/Đ to d/D; unicode61 (remove_diacritics 2) folds the other marks.</summary>
    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormC).Replace('đ', 'd').Replace('Đ', 'D');

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uAC00' and <= '\uD7AF');

    public static bool HasCjk(string text) => text.Any(IsCjk);

    /// <summary>
    /// Splits user input into words of letters, digits and combining marks. Everything else (quotes, '*', '(',
    /// ':', '^', '-') separates words, so no FTS5 syntax survives.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string terms)
    {
        var text = Fold(terms.Length > MaxInputLength ? terms[..MaxInputLength] : terms);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordChar(c))
            {
                current.Append(c);
                continue;
            }

            Flush(current, tokens);
        }

        Flush(current, tokens);
        return tokens.Count > MaxTokens ? tokens[..MaxTokens] : tokens;
    }

    /// <summary>An FTS5 expression: every token as a quoted phrase (implicit AND), optionally limited to columns.</summary>
    public static string Match(IEnumerable<string> tokens, string? columns) =>
        (columns is null ? string.Empty : $"{{{columns}}} : ") + "(" + string.Join(' ', tokens.Select(Quote)) + ")";

    public static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The single characters and adjacent pairs of every CJK run, separated by spaces ("红楼梦" gives
    /// "红 红楼 楼 楼梦 梦"), or null when the text has none: indexed so that short CJK words need no table scan.
    /// </summary>
    public static string? CjkGrams(string text)
    {
        var grams = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsCjk(text[i]))
            {
                continue;
            }

            grams.Append(text[i]).Append(' ');
            if (i + 1 < text.Length && IsCjk(text[i + 1]))
            {
                grams.Append(text, i, 2).Append(' ');
            }
        }

        return grams.Length == 0 ? null : grams.ToString(0, grams.Length - 1);
    }

    /// <summary>The 13-digit form of an ISBN typed with or without hyphens, or null when the input is not one.</summary>
    public static string? AsIsbn13(string terms)
    {
        var compact = new string(terms.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        if (compact.Length == 13 && compact.All(char.IsAsciiDigit))
        {
            return compact;
        }

        if (compact.Length == 10 && compact[..9].All(char.IsAsciiDigit) && (char.IsAsciiDigit(compact[9]) || compact[9] == 'X'))
        {
            var body = "978" + compact[..9];
            return body + Isbn13CheckDigit(body);
        }

        return null;
    }

    /// <summary>The ISBN-10 of a 978-prefixed ISBN-13 (other prefixes have none).</summary>
    public static string? Isbn10(string isbn13)
    {
        if (isbn13.Length != 13 || !isbn13.StartsWith("978", StringComparison.Ordinal))
        {
            return null;
        }

        var body = isbn13[3..12];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (10 - i) * (body[i] - '0');
        }

        var check = (11 - (sum % 11)) % 11;
        return body + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    public static char Isbn13CheckDigit(string first12)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
