namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Splits "a title by its author" into the two: "the time machine by hg wells", "gió đầu mùa của thạch
/// lam", "鲁迅的朝花夕拾" (author first in Chinese). A split happens only where the author part looks like a name (one to
/// three words, no article, not a subject). Spanish "de" is not split: "cien años de soledad" and "la casa de bernarda
/// alba" are titles, and the catalogue finds "… de garcía márquez" by all its words anyway.
/// </summary>
public static class TitleAndAuthor
{
    private static readonly HashSet<string> Articles = ["the", "a", "an", "el", "la", "los", "las", "un", "una", "lo", "del"];

    /// <summary>Chinese words after 的 that name a kind of book, not a title ("鲁迅的书", "徐志摩的诗集").</summary>
    private static readonly string[] ChineseKinds = ["书", "作品", "小说", "诗", "诗集", "散文", "文章", "著作", "全集", "作品集", "书籍"];

    public static (string Terms, string? Author) Split(string terms, Lexicon lexicon)
    {
        var text = terms.Trim();
        foreach (var prefix in new[] { "by ", "của ", "cua " })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
            {
                return (string.Empty, text[prefix.Length..].Trim());
            }
        }

        foreach (var (separator, minWords) in new[] { (" by ", 1), (" của ", 1), (" cua ", 1) })
        {
            var at = text.LastIndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
            {
                continue;
            }

            var title = text[..at].Trim();
            var author = text[(at + separator.Length)..].Trim();
            var words = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= minWords && words.Length <= 3 && !Articles.Contains(Lexicon.Fold(words[0]))
                && !lexicon.Subjects.Contains(Lexicon.Fold(title)) && !lexicon.Subjects.Contains(Lexicon.Fold(author)) && title.Length > 0)
            {
                return (title, author);
            }
        }

        var of = text.IndexOf('的', StringComparison.Ordinal);
        if (of is >= 2 and <= 4 && text.Length - of - 1 >= 2 && text[..of].All(Utterance.IsCjk))
        {
            var rest = text[(of + 1)..].Trim('《', '》');
            return ChineseKinds.Contains(rest) ? (string.Empty, text[..of]) : (rest, text[..of]);
        }

        return (text, null);
    }
}
