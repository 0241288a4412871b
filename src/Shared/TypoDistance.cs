namespace LibraryBot.Shared;

/// <summary>
/// Whether a typed word may be a typo of another: a word of four to six letters may be one edit away, a longer one
/// two, counted as Damerau–Levenshtein edits (a swapped pair of letters is one typo), with the first letter right and
/// the lengths at most two apart. Shared by the understanding layer (commands) and the demo library's search (titles).
/// </summary>
internal static class TypoDistance
{
    /// <summary>The edits a word of this length may have; 0 for words under four letters.</summary>
    public static int Allowed(int length) => length >= 7 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>The edits between the words if one may be a typo of the other, else null.</summary>
    public static int? Typo(string typed, string word)
    {
        if (typed.Length == 0 || word.Length == 0 || typed[0] != word[0] || Math.Abs(typed.Length - word.Length) > 2)
        {
            return null;
        }

        var allowed = Allowed(Math.Min(typed.Length, word.Length));
        if (allowed == 0)
        {
            return null;
        }

        var distance = Edits(typed, word, allowed);
        return distance <= allowed ? distance : null;
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
