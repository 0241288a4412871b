namespace LibraryBot.Bot.Inbox;

/// <summary>Whether the background workers run (read by /readyz).</summary>
public sealed class WorkerHealth
{
    public volatile bool InboxRunning;
    public volatile bool OutboxRunning;
}
