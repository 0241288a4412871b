using LibraryBot.Bot.Understanding;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// Takes PINs out of patron messages before they reach the inbox (and so the database file, its WAL, backups and
/// transcripts): a PIN in a sentence ("my pin is 2718", "29000100000086 2718") is replaced by a marker; a message that
/// is only a short number, or a single word while the bot waits for a PIN, is replaced whole. The secret stays in
/// <see cref="SecretVault"/> for the turn.
/// </summary>
public sealed class SecretRedactor(SecretVault vault, SecretQuestions questions)
{
    public Activity Redact(Activity activity)
    {
        if (activity.Type != ActivityType.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity;
        }

        var text = activity.Text;
        var found = SecretFinder.Find(text);
        if (found.WholeMessage || (questions.IsWaiting(activity.Conversation.Key) && IsSingleWord(text) && found.Card is null))
        {
            vault.Keep(activity.DedupeKey, text.Trim(), wholeMessage: true);
            return activity with { Text = Utterance.SecretMarker };
        }

        var (redacted, pin) = SecretFinder.Redact(text, found);
        if (pin is null)
        {
            return activity;
        }

        vault.Keep(activity.DedupeKey, pin, wholeMessage: false);
        return activity with { Text = redacted };
    }

    private static bool IsSingleWord(string text) => text.Trim() is { Length: > 0 and <= 64 } word && !word.Any(char.IsWhiteSpace);
}
