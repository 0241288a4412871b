using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Recognises every registered <see cref="Shortcut"/>: exact words first, then phrases inside the message.</summary>
public sealed class ShortcutRecognizer(IEnumerable<Shortcut> shortcuts, BotText text) : IIntentRecognizer
{
    private readonly Shortcut[] _shortcuts = shortcuts.ToArray();

    public IntentMatch? Recognize(TurnContext context)
    {
        var activity = context.Activity;
        if (activity.Type != ActivityType.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var exact = _shortcuts.FirstOrDefault(s => text.MatchesAnyLanguage(s.WordsKey, activity.Text));
        exact ??= _shortcuts.FirstOrDefault(s => s.Anywhere && ContainsAnyPhrase(s.WordsKey, activity.Text));
        return exact is null ? null : new IntentMatch(exact.IntentName, exact.Options);
    }

    private bool ContainsAnyPhrase(string key, string message)
    {
        var folded = " " + string.Concat(TextNormalizer.Fold(message).Select(c => char.IsPunctuation(c) ? ' ' : c)) + " ";
        return BotLocales.All.SelectMany(l => text.Words(key, l)).Any(phrase => KeywordMatch.Contains(folded, phrase));
    }
}
