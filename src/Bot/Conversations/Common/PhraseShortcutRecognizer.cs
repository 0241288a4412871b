using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Shortcut phrases inside longer messages ("are you open now?", "where is the library?"). Registered after the
/// library's own auto-replies, so a configured answer ("where can I park?") wins over a general one.
/// </summary>
public sealed class PhraseShortcutRecognizer(ShortcutRecognizer shortcuts) : IIntentRecognizer
{
    public IntentMatch? Recognize(TurnContext context) => shortcuts.RecognizePhrase(context);
}
