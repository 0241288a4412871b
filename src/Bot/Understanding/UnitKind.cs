namespace LibraryBot.Bot.Understanding;

/// <summary>What one unit of a message is.</summary>
public enum UnitKind
{
    /// <summary>A word in a spaced script (Latin, Vietnamese), folded.</summary>
    Word,
    /// <summary>One Chinese character.</summary>
    Cjk,
    /// <summary>A run of digits.</summary>
    Number,
    /// <summary>An emoji or other symbol.</summary>
    Symbol,
    /// <summary>Where a secret (a PIN) was taken out of the message before it was stored.</summary>
    Secret,
}
