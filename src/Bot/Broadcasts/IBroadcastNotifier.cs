namespace LibraryBot.Bot.Broadcasts;

/// <summary>Tells connected consoles that a broadcast's status or funnel changed (they read it again).</summary>
public interface IBroadcastNotifier
{
    Task BroadcastChangedAsync(string broadcastId, CancellationToken cancellationToken);
}
