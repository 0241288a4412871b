namespace LibraryBot.Bot.Understanding;

/// <summary>
/// What a message names besides its intent: search words or an author, a card number and PIN, a day, a list number
/// ("renew 2"), a language, a library auto-reply rule. Lives for one turn only: never persisted (it may hold a PIN).
/// </summary>
public sealed record InterpretedEntities
{
    public static readonly InterpretedEntities None = new();

    /// <summary>Title, subject or keywords to search for, as the patron wrote them.</summary>
    public string? Terms { get; init; }

    public string? Author { get; init; }

    /// <summary>A library card number (digits).</summary>
    public string? CardNumber { get; init; }

    /// <summary>A PIN or password given in the message (taken out of the stored text; see <see cref="SecretFinder"/>).</summary>
    public string? Pin { get; init; }

    /// <summary>The message held a PIN that can no longer be read (it was not kept across a restart).</summary>
    public bool PinLost { get; init; }

    /// <summary>A phone number as typed, in a request to be texted ("text me at +1 415 555 0100"); see <see cref="PhoneFinder"/>.</summary>
    public string? PhoneNumber { get; init; }

    public DayReference? Day { get; init; }

    /// <summary>A number that points into a list the bot showed ("renew 2").</summary>
    public int? Reference { get; init; }

    /// <summary>For a language switch: en, es, zh-Hans or vi.</summary>
    public string? Locale { get; init; }

    /// <summary>For a library auto-reply: the rule's name.</summary>
    public string? Rule { get; init; }
}
