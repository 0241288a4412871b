namespace LibraryBot.Bot.Conversations.Notices;

public enum NoticesChange
{
    /// <summary>"notices on": grant.</summary>
    On,
    /// <summary>"notices off": withdraw.</summary>
    Off,
    /// <summary>The bot asks (once, after a card is linked).</summary>
    Ask,
}

public sealed record NoticesRequest(NoticesChange Change);
