namespace LibraryBot.Bot.Notices;

/// <summary>What a pasted entry is.</summary>
public enum PickupBatchEntryKind
{
    /// <summary>5 to 20 digits: a library card (8 to 15 digits may also be a phone number written without "+").</summary>
    Card,
    /// <summary>"+" and 8 to 15 digits: a phone number with its country code.</summary>
    Phone,
    Invalid,
}
