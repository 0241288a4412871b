namespace LibraryBot.Bot.Broadcasts;

/// <summary>Tells every registered notifier (the console's live channel, when the console runs) that a broadcast changed.</summary>
public sealed class BroadcastChanges(IEnumerable<IBroadcastNotifier> notifiers)
{
    public async Task ChangedAsync(string broadcastId, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            await notifier.BroadcastChangedAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        }
    }
}
