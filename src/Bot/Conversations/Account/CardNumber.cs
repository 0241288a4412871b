namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Card numbers as patrons type them: digits, with spaces or hyphens between groups.</summary>
public static class CardNumber
{
    public static string Normalize(string typed) =>
        new(Localization.TextNormalizer.NarrowDigits(typed).Where(c => c is not (' ' or '-')).ToArray());

    public static bool IsValid(string typed)
    {
        var digits = Normalize(typed);
        return digits.Length is >= 5 and <= 20 && digits.All(char.IsAsciiDigit);
    }
}
