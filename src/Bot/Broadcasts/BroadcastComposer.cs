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
        var stop = text.Format("Broadcasts.StopLine", locale, libraryName);
        var image = string.IsNullOrWhiteSpace(broadcast.Content.ImageUrl) ? null : broadcast.Content.ImageUrl.Trim();
        return new ComposedBroadcast(code, locale, Lines(body, broadcast.Content.Link, image, stop), Lines(body, broadcast.Content.Link, null, stop), image);
    }

    private static string Lines(string body, string? link, string? image, string stop)
    {
        var message = new StringBuilder(body.Trim());
        foreach (var extra in new[] { link, image })
        {
            if (!string.IsNullOrWhiteSpace(extra))
            {
                message.Append('\n').Append(extra.Trim());
            }
        }

        return message.Append("\n\n").Append(stop).ToString();
    }
}

/// <summary>
/// The words one chat gets, and the language they are in: <see cref="Text"/> with the image's link as a line (for
/// channels that send no picture by link), <see cref="Caption"/> without it to go under the picture itself.
/// </summary>
public sealed record ComposedBroadcast(string LanguageCode, string Locale, string Text, string Caption, string? ImageUrl);
