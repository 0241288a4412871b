namespace LibraryBot.Bot.Understanding;

/// <summary>
/// What a message asks: an intent (see <see cref="IntentNames"/>) with a confidence between 0 and 1, its entities, the
/// language it is written in when that is clear, and which part of the layer decided.
/// </summary>
public sealed record Interpretation(string Intent, double Confidence, InterpretedEntities Entities, string? Language, InterpretationSource Source, string? Value = null)
{
    /// <summary>At or above: a request clear enough to leave a question the patron was asked.</summary>
    public const double Clear = 0.7;

    /// <summary>At or above: explicit (the whole message is the request): it leaves even a free-text question.</summary>
    public const double Explicit = 0.9;

    public static Interpretation None(string? language) => new(IntentNames.None, 0, InterpretedEntities.None, language, InterpretationSource.None);

    public bool IsNone => Intent == IntentNames.None;

    public bool IsClear => Confidence >= Clear;

    public bool IsExplicit => Confidence >= Explicit;
}
