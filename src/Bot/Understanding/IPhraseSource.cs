namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Phrases that come from somewhere other than the embedded lexicon — the library's own auto-reply keywords — as
/// (key, language, phrase) entries in the lexicon's syntax. Read once, when the understanding layer is built.
/// </summary>
public interface IPhraseSource
{
    IEnumerable<(string Key, string Language, string Phrase)> Phrases();
}
