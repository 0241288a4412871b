using System.Text;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// A broadcast as one chat reads it: the text in the chat's language (else the library's default), the link and image
/// on their own lines, and how to stop, in the same language — on every channel, in free text and mass send alike.
/// </summary>
public sealed class BroadcastComposer(BotText text)
{
    public ComposedBroadcast Compose(Broadcast broadcast, string languageCode, string libraryName)
    {
        var (code, body) = BroadcastLanguages.Pick(broadcast.Content, languageCode);
        var locale = BroadcastLanguages.LocaleOf(code);
        var message = new StringBuilder(body.Trim());
        foreach (var extra in new[] { broadcast.Content.Link, broadcast.Content.ImageUrl })
        {
            if (!string.IsNullOrWhiteSpace(extra))
            {
                message.Append('\n').Append(extra.Trim());
            }
        }

        message.Append("\n\n").Append(text.Format("Broadcasts.StopLine", locale, libraryName));
        return new ComposedBroadcast(code, locale, message.ToString());
    }
}

/// <summary>The words one chat gets, and the language they are in.</summary>
public sealed record ComposedBroadcast(string LanguageCode, string Locale, string Text);
