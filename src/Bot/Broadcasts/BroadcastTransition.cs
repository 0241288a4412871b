namespace LibraryBot.Bot.Broadcasts;

/// <summary>A broadcast moved to a new status, with the times it stamps (the same on every store).</summary>
public static class BroadcastTransition
{
    /// <summary>
    /// The broadcast in <paramref name="to"/>: <see cref="Broadcast.StartedAt"/> stamped the first time it becomes Sending,
    /// <see cref="Broadcast.FinishedAt"/> when it becomes Finished or Cancelled.
    /// </summary>
    public static Broadcast Apply(Broadcast broadcast, BroadcastStatus to, DateTimeOffset now) => broadcast with
    {
        Status = to,
        StartedAt = to == BroadcastStatus.Sending ? broadcast.StartedAt ?? now : broadcast.StartedAt,
        FinishedAt = to is BroadcastStatus.Finished or BroadcastStatus.Cancelled ? now : broadcast.FinishedAt,
    };
}
