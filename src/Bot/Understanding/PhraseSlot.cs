namespace LibraryBot.Bot.Understanding;

/// <summary>The free part of a phrase ("do you have {terms}"): what the patron is looking for, or an author.</summary>
public enum PhraseSlot
{
    None,
    Terms,
    Author,
}
