using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Recognises the registered <see cref="Shortcut"/>s: as an intent recogniser, messages that are exactly a shortcut's
/// words; <see cref="RecognizePhrase"/> (run after the library's auto-replies) finds phrases inside longer messages.
/// </summary>
public sealed class ShortcutRecognizer(IEnumerable<Shortcut> shortcuts, BotText text) : IIntentRecognizer
{
    private readonly Shortcut[] _shortcuts = shortcuts.ToArray();

    public IntentMatch? Recognize(TurnContext context) =>
        Match(context, s => text.MatchesAnyLanguage(s.WordsKey, context.Activity.Text));

    public IntentMatch? RecognizePhrase(TurnContext context) =>
        Match(context, s => s.Anywhere && ContainsAnyPhrase(s.WordsKey, context.Activity.Text!));

    private IntentMatch? Match(TurnContext context, Func<Shortcut, bool> matches)
    {
        var activity = context.Activity;
        if (activity.Type != ActivityType.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var shortcut = _shortcuts.FirstOrDefault(matches);
        return shortcut is null ? null : new IntentMatch(shortcut.IntentName, shortcut.Options);
    }

    private bool ContainsAnyPhrase(string key, string message)
    {
        var folded = " " + string.Concat(TextNormalizer.Fold(message).Select(c => char.IsPunctuation(c) ? ' ' : c)) + " ";
        return BotLocales.All.SelectMany(l => text.Words(key, l)).Any(phrase => KeywordMatch.Contains(folded, phrase));
    }
}
