using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Storage;

/// <summary>The durable inbox: every accepted activity, unique on its dedupe key, consumed exactly once.</summary>
public interface IInboxStore
{
    /// <summary>
    /// Stores the activities in one transaction; returns, per activity, true if new and false if its dedupe key was
    /// already stored (a repeated delivery).
    /// </summary>
    Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<Activity> activities, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims pending entries for this worker: whole conversations at a time, so two workers never hold entries of
    /// the same conversation; entries come in arrival order. A claim lapses after <paramref name="leaseFor"/>.
    /// Only entries after <paramref name="afterSequence"/> are looked at (0: all, including those this worker already
    /// holds — at start, or to renew); none is returned while an older pending entry of its conversation is not this
    /// worker's, so a conversation never runs out of order. A worker that claims after the last sequence it claimed
    /// does not read again what it holds: the cost of a claim does not grow with the backlog it is working through.
    /// </summary>
    Task<IReadOnlyList<InboxEntry>> ClaimPendingAsync(string workerId, long afterSequence, int maxEntries, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Extends this worker's claims on <paramref name="entries"/> (still pending) until <paramref name="until"/>.</summary>
    Task RenewClaimsAsync(string workerId, IReadOnlyCollection<InboxEntry> entries, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Marks an entry consumed without a turn (delivery receipts, repeats) and erases its payload.</summary>
    Task CompleteAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Whether the entry with this dedupe key has been consumed.</summary>
    Task<bool?> IsCompletedAsync(string dedupeKey, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
