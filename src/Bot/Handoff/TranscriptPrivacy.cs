namespace LibraryBot.Bot.Handoff;

/// <summary>How a patron's message goes into the transcript.</summary>
public enum TranscriptPrivacy
{
    Recorded,
    /// <summary>A card number: kept with its digits masked.</summary>
    DigitsMasked,
    /// <summary>A PIN or another secret: only a note that something was said.</summary>
    NotRecorded,
}
