namespace LibraryBot.Bot.Localization;

/// <summary>
/// Something the bot will say, kept as a string resource and its arguments rather than as finished text, so that a
/// question re-asked after the patron switched language comes in the new language (one language per reply). A
/// <see cref="Literal"/> is shown as it is (a book title as a choice).
/// </summary>
public sealed record Say(string? Key, IReadOnlyList<SayArg>? Args = null, string? Literal = null)
{
    public static Say Text(string key, params object?[] args) => new(key, args.Select(SayArg.From).ToArray());

    public static Say Verbatim(string text) => new(null, null, text);

    public string Render(BotText text, string locale) =>
        Key is null ? Literal ?? string.Empty
        : Args is null or { Count: 0 } ? text.Get(Key, locale)
        : text.Get(Key, locale, Args.Select(a => a.Render(text, locale)).ToArray());
}
