using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>The language codes staff write broadcasts in (en, es, zh, vi) and the bot's locales they stand for.</summary>
public static class BroadcastLanguages
{
    public static readonly IReadOnlyList<string> Codes = ["en", "es", "zh", "vi"];

    /// <summary>The broadcast language code of a chat's locale (the library's default when the chat has none).</summary>
    public static string CodeOf(string? locale) => (BotLocales.Normalize(locale) ?? BotLocales.Default) switch
    {
        BotLocales.Spanish => "es",
        BotLocales.Chinese => "zh",
        BotLocales.Vietnamese => "vi",
        _ => "en",
    };

    public static bool IsCode(string? code) => code is not null && Codes.Contains(code.Trim().ToLowerInvariant());

    /// <summary>
    /// The text a chat in <paramref name="code"/> gets: its own language, else the library's default, else the first
    /// language written (so nobody in the audience is left without a message), with the language actually used.
    /// </summary>
    public static (string Code, string Text) Pick(BroadcastContent content, string code)
    {
        foreach (var candidate in new[] { code, CodeOf(BotLocales.Default) })
        {
            if (content.Text.TryGetValue(candidate, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return (candidate, text);
            }
        }

        var first = Codes.First(c => content.Text.TryGetValue(c, out var t) && !string.IsNullOrWhiteSpace(t));
        return (first, content.Text[first]);
    }

    /// <summary>The bot locale of a broadcast language code.</summary>
    public static string LocaleOf(string code) => code switch
    {
        "es" => BotLocales.Spanish,
        "zh" => BotLocales.Chinese,
        "vi" => BotLocales.Vietnamese,
        _ => BotLocales.English,
    };
}
