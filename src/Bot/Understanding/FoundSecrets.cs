namespace LibraryBot.Bot.Understanding;

/// <summary>
/// A library card number and a PIN found in a message, as index ranges of the original text. <see cref="WholeMessage"/>
/// means the whole message is PIN-shaped (a bare short number), which may be the answer to a PIN question.
/// </summary>
public sealed record FoundSecrets(Range? Card, Range? Pin, bool WholeMessage)
{
    public static readonly FoundSecrets None = new(null, null, false);
}
