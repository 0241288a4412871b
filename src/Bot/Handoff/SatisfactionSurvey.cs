using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>The question after a closed chat: a score from 1 to 5, optionally followed by a comment ("4 quick and kind").</summary>
public static class SatisfactionSurvey
{
    public const string ChoicePrefix = "rating:";

    public static ChoiceQuestion Question(BotText text, string locale) =>
        new(text.Get("Handoff.Survey", locale),
            [.. Enumerable.Range(1, 5).Reverse().Select(n => new Choice(ChoicePrefix + n, text.Get($"Handoff.Survey.{n}", locale)))]);

    /// <summary>The score and comment in an answer, or null when the answer is not a rating.</summary>
    public static (int Score, string? Comment)? Parse(string? answer)
    {
        var trimmed = (answer ?? string.Empty).Trim();
        if (trimmed.StartsWith(ChoicePrefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[ChoicePrefix.Length..];
        }

        if (trimmed.Length == 0 || trimmed[0] is < '1' or > '5' || (trimmed.Length > 1 && char.IsAsciiDigit(trimmed[1])))
        {
            return null;
        }

        var comment = trimmed[1..].Trim(' ', ',', '.', '-', ':').Trim();
        return (trimmed[0] - '0', comment.Length == 0 ? null : comment[..Math.Min(comment.Length, 500)]);
    }
}
