namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Where a phrase matched a message: how well (0–1), whether it covers the whole request (everything else is filler or
/// a greeting), and the slot's text as the patron wrote it.
/// </summary>
public sealed record PhraseMatch(LexiconPhrase Phrase, double Confidence, bool Whole, string? SlotText, IReadOnlySet<int> Covered, IReadOnlySet<int>? SlotUnits = null);
