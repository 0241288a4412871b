using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Reads what a librarian pasted or scanned: one number per line, or several separated by commas or semicolons; spaces,
/// hyphens, dots and brackets inside a number are ignored; full-width digits count.
/// </summary>
public static class PickupBatchInput
{
    public const int MaxEntries = 300;

    private static readonly char[] Separators = [',', ';', '，', '；'];

    public static IReadOnlyList<PickupBatchEntry> Parse(IEnumerable<string?> texts)
    {
        var entries = new List<PickupBatchEntry>();
        var line = 0;
        foreach (var text in texts)
        {
            foreach (var row in (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n'))
            {
                line++;
                foreach (var item in row.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    entries.Add(Classify(line, item));
                }
            }
        }

        return entries;
    }

    private static PickupBatchEntry Classify(int line, string item)
    {
        var compact = new string([.. TextNormalizer.NarrowDigits(item).Where(c => c is not (' ' or '-' or '.' or '(' or ')' or '\t'))]);
        if (compact.StartsWith('+'))
        {
            var digits = compact[1..];
            return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit)
                ? new PickupBatchEntry(line, PickupBatchEntryKind.Phone, digits)
                : new PickupBatchEntry(line, PickupBatchEntryKind.Invalid, compact, "invalid phone number: write + and the country code, then 8 to 15 digits in all");
        }

        return CardNumber.IsValid(compact)
            ? new PickupBatchEntry(line, PickupBatchEntryKind.Card, CardNumber.Normalize(compact))
            : new PickupBatchEntry(line, PickupBatchEntryKind.Invalid, compact,
                "neither a card number (5 to 20 digits) nor a phone number (+ and the country code)");
    }
}
