using System.Text;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>
/// Builds CQL from a patron's words. User text is always one quoted term with <c>\</c>, <c>"</c> and the
/// masking characters <c>*</c> <c>?</c> <c>^</c> escaped, so nothing the patron types becomes CQL syntax.
/// </summary>
public static class CqlQuery
{
    /// <summary>Longest term sent, in characters.</summary>
    public const int MaxTermLength = 256;

    /// <summary><c>index relation "term"</c>, or null when the words hold nothing to search for.</summary>
    public static string? Build(SearchField field, string words, SruOptions options)
    {
        var text = Normalise(words);
        if (field == SearchField.Isbn)
        {
            text = new string(text.Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x').ToArray());
        }

        if (text.Length == 0)
        {
            return null;
        }

        var key = field switch
        {
            SearchField.Title => "title",
            SearchField.Author => "author",
            SearchField.Subject => "subject",
            SearchField.Isbn => "isbn",
            _ => "any",
        };
        var relation = field == SearchField.Isbn ? "=" : options.WordRelation;
        return $"{options.IndexMap[key]} {relation} {Quote(text)}";
    }

    /// <summary>The exact-match query for one record id.</summary>
    public static string ById(string recordId, SruOptions options) => $"{options.IndexMap["id"]} = {Quote(Normalise(recordId))}";

    /// <summary>A CQL quoted string with the characters CQL gives meaning to escaped.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '\\' or '"' or '*' or '?' or '^')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Trims, turns control characters and runs of white space into single spaces, and caps the length.</summary>
    private static string Normalise(string words)
    {
        var sb = new StringBuilder(Math.Min(words.Length, MaxTermLength));
        foreach (var c in words)
        {
            var ch = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            if (sb.Length == MaxTermLength)
            {
                break;
            }

            sb.Append(ch);
        }

        return sb.ToString().TrimEnd();
    }
}
