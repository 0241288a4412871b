namespace LibraryBot.Bot.Notices;

/// <summary>Whether a notice run waits for <c>Notices:QuietHours</c> to end (always, except the sandbox's demo button).</summary>
public enum QuietHoursRule
{
    Keep,
    Ignore,
}
