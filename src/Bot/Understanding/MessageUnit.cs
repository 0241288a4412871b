namespace LibraryBot.Bot.Understanding;

/// <summary>One unit of a message: a folded word, a Chinese character, a number or a symbol, with where it stands in the original text.</summary>
public readonly record struct MessageUnit(string Text, UnitKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>Units that carry meaning (symbols and secrets do not).</summary>
    public bool IsContent => Kind is UnitKind.Word or UnitKind.Cjk or UnitKind.Number;
}
