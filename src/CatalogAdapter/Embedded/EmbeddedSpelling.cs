using System.Globalization;
using System.Text;
using Dapper;
using LibraryBot.Shared;
using Microsoft.Data.Sqlite;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Corrects typos in Latin search words against the words the catalogue's index holds ("frankenstien" →
/// "frankenstein", "predjudice" → "prejudice"): a word the index lacks is replaced by the indexed word fewest typos
/// away (<see cref="TypoDistance"/>), the most frequent on a tie. Used only when the words as typed found nothing.
/// </summary>
internal static class EmbeddedSpelling
{
    /// <summary>The tokens as the index holds them with typos corrected, or null when none could be.</summary>
    public static async Task<IReadOnlyList<string>?> CorrectAsync(SqliteConnection connection, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var corrected = new List<string>(tokens.Count);
        var changed = false;
        foreach (var token in tokens)
        {
            var word = IndexForm(token);
            var replacement = TypoDistance.Allowed(word.Length) == 0 || await IndexedAsync(connection, word, cancellationToken)
                ? null
                : await NearestAsync(connection, word, cancellationToken);
            changed |= replacement is not null;
            corrected.Add(replacement ?? word);
        }

        return changed ? corrected : null;
    }

    /// <summary>The word as the unicode61 tokenizer indexes it: lower case, diacritics removed, đ as d.</summary>
    public static string IndexForm(string token)
    {
        var decomposed = SearchText.Fold(token).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static async Task<bool> IndexedAsync(SqliteConnection connection, string word, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM records_vocab WHERE term = @word", new { word }, cancellationToken: cancellationToken)) is not null;

    private static async Task<string?> NearestAsync(SqliteConnection connection, string word, CancellationToken cancellationToken)
    {
        // Candidates share the first letter (a typo rarely hits it) and are at most two letters longer or shorter.
        var first = word[..1];
        var next = ((char)(word[0] + 1)).ToString();
        var candidates = await connection.QueryAsync<(string Term, long Documents)>(new CommandDefinition(
            "SELECT term, doc FROM records_vocab WHERE term >= @first AND term < @next AND length(term) BETWEEN @shortest AND @longest",
            new { first, next, shortest = word.Length - 2, longest = word.Length + 2 }, cancellationToken: cancellationToken));
        return candidates
            .Select(c => (c.Term, c.Documents, Edits: TypoDistance.Typo(word, c.Term)))
            .Where(c => c.Edits is not null)
            .OrderBy(c => c.Edits)
            .ThenByDescending(c => c.Documents)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Select(c => c.Term)
            .FirstOrDefault();
    }
}
