namespace LibraryBot.Bot.Understanding;

/// <summary>
/// One phrase of the lexicon, folded into units. <see cref="Before"/> and <see cref="After"/> are the fixed parts
/// around the slot (a phrase without a slot has only <see cref="Before"/>); a null unit in them is a gap of a few units
/// ("都…续借"). <see cref="WholeOnly"/> phrases count only when they are the whole message ("RA", "STOP").
/// </summary>
public sealed record LexiconPhrase(
    string Intent,
    string? Value,
    string Language,
    string Source,
    IReadOnlyList<string?> Before,
    PhraseSlot Slot,
    IReadOnlyList<string?> After,
    bool WholeOnly)
{
    public int FixedUnits => Before.Count(u => u is not null) + After.Count(u => u is not null);
}
