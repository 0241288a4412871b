namespace LibraryBot.Bot.Understanding;

/// <summary>
/// How alike a message unit and a lexicon unit are: equal is 1; a word of four to six letters may be one typo away
/// ("lons"/"loans", "renw"/"renew", "hols"/"holds"), a longer one two ("frankenstien", "predjudice") — counted as
/// Damerau–Levenshtein edits (a swapped pair of letters is one typo), with the first letter right. Anything else is 0,
/// so a name is not taken for a word it resembles ("emily" is two edits from "email").
/// </summary>
public static class UnitSimilarity
{
    public static double Of(in MessageUnit unit, string expected)
    {
        var text = unit.Text;
        if (string.Equals(text, expected, StringComparison.Ordinal))
        {
            return 1;
        }

        if (unit.Kind != UnitKind.Word || text.Length < 4 || expected.Length < 4 || text[0] != expected[0] || Math.Abs(text.Length - expected.Length) > 2)
        {
            return 0;
        }

        var allowed = Math.Min(text.Length, expected.Length) >= 7 ? 2 : 1;
        var distance = Edits(text, expected, allowed);
        return distance <= allowed ? 0.95 * (1 - (double)distance / Math.Max(text.Length, expected.Length)) : 0;
    }

    /// <summary>Optimal-string-alignment distance, giving up (returning more than <paramref name="limit"/>) as soon as it is exceeded.</summary>
    public static int Edits(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
