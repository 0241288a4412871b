using System.Text.RegularExpressions;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Finds a phone number as people type one inside a message: "+1 415 555 0100", "(415) 555-0100", "0912.345.678",
/// "+86 138 1234 5678" — an optional "+", then digits with spaces, hyphens, dots or brackets between them, 7 to 15
/// digits in all (E.164's most). Only where it is; whether it is a real number is libphonenumber's question.
/// </summary>
public static partial class PhoneFinder
{
    public const int MinDigits = 7;
    public const int MaxDigits = 15;

    public static Range? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match match in Candidates().Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            if (digits is >= MinDigits and <= MaxDigits)
            {
                return match.Index..(match.Index + match.Length);
            }
        }

        return null;
    }

    /// <summary>The phone number in the message as typed, or null.</summary>
    public static string? In(string? text) => Find(text) is { } range ? text![range] : null;

    [GeneratedRegex(@"(?<![A-Za-z\u00C0-\u024F\u1E00-\u1EFF\d])\+?[ \u00A0]?\(?\d(?:[\d \u00A0\-.()]*\d)?", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
