using System.Globalization;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Localization;

/// <summary>Finds which of the offered choices a patron meant: the channel's choice id, a number, or the title typed out.</summary>
public static class ChoiceRecognizer
{
    public static Choice? Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        if (activity.ChoiceId is { } id)
        {
            return choices.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        }

        var text = TextNormalizer.NarrowDigits(activity.Text ?? string.Empty).Trim().TrimEnd('.', '。');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        var folded = TextNormalizer.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var exact = choices.FirstOrDefault(c => TextNormalizer.Fold(c.Title) == folded);
        if (exact is not null)
        {
            return exact;
        }

        var partial = choices.Where(c => TextNormalizer.Fold(c.Title).Contains(folded, StringComparison.Ordinal)).ToList();
        return partial.Count == 1 && folded.Length >= 2 ? partial[0] : null;
    }
}
