namespace LibraryBot.Bot.Localization;

/// <summary>
/// One argument of a <see cref="Say"/>, kept as what it is so it is rendered in the language of the moment: text as
/// written (a title, a name), a date (written per language), a whole number, or another string resource.
/// </summary>
public sealed record SayArg(string? Text = null, DateOnly? Date = null, long? Number = null, string? Key = null)
{
    public static SayArg From(object? value) => value switch
    {
        null => new SayArg(Text: string.Empty),
        SayArg arg => arg,
        string text => new SayArg(Text: text),
        DateOnly date => new SayArg(Date: date),
        int number => new SayArg(Number: number),
        long number => new SayArg(Number: number),
        _ => new SayArg(Text: Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>A string resource as an argument (rendered in the same language as the sentence around it).</summary>
    public static SayArg Resource(string key) => new(Key: key);

    public object Render(BotText text, string locale) =>
        Date is { } date ? DisplayFormats.Date(date, locale)
        : Number is { } number ? number
        : Key is { } key ? text.Get(key, locale)
        : Text ?? string.Empty;
}
