namespace LibraryBot.Bot.Handoff;

public enum TranscriptAuthor
{
    Patron,
    Bot,
    Staff,
    /// <summary>Console events (claimed, released, closed) shown in the transcript.</summary>
    System,
}
