namespace LibraryBot.Bot.Understanding;

/// <summary>Which part of the understanding layer produced an interpretation.</summary>
public enum InterpretationSource
{
    /// <summary>Nothing was understood.</summary>
    None,
    /// <summary>A phrase of the lexicon or a library auto-reply keyword.</summary>
    Phrase,
    /// <summary>The classifier trained at build time.</summary>
    Learned,
    /// <summary>The optional language-model classifier.</summary>
    LanguageModel,
    /// <summary>Emoji or symbols only, or a card number on its own.</summary>
    Shape,
    /// <summary>Nothing else understood it: tried as a catalogue search.</summary>
    Fallback,
}
