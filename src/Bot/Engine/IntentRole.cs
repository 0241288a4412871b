namespace LibraryBot.Bot.Engine;

/// <summary>How a request treats a question the bot is waiting on.</summary>
public enum IntentRole
{
    /// <summary>A new task: the waiting question is dropped and the task begins.</summary>
    Task,
    /// <summary>A quick answer on the side (help, hours, a language switch): answered, then the waiting question is asked again.</summary>
    Aside,
}
