namespace LibraryBot.Bot.Notices;

/// <summary>
/// The notice ledger: which chats asked for notices, every notice ever planned (unique per chat and key, so none is
/// sent twice), their digests, and the lease that keeps two instances from running at once. A run works through its
/// chats in batches, so the planning calls take many chats at once.
/// </summary>
public interface INoticeStore
{
    /// <summary>Remembers a chat whose patron granted notices (the run checks the consent ledger each time).</summary>
    Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every chat that ever granted notices, oldest subscription first.</summary>
    Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken);

    /// <summary>The keys of every notice already planned, per chat asked (a chat without any is absent).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PlannedKeysAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken);

    /// <summary>How many digests each chat asked was given since the instant (the daily cap); a chat without any is absent.</summary>
    Task<IReadOnlyDictionary<string, int>> DigestsSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Stores each digest with its notices (status Planned), all or nothing per digest; notices already planned for
    /// the chat are left out, and a digest left with none is not stored (nor one stored before under the same id).
    /// Returns the digests stored, each with the notices it kept, in the order given.
    /// </summary>
    Task<IReadOnlyList<NoticeDigest>> PlanAsync(IReadOnlyList<NoticeDigest> digests, CancellationToken cancellationToken);

    /// <summary>The chat's digest with its notices in key order, or null.</summary>
    Task<NoticeDigest?> FindDigestAsync(string conversationKey, string digestId, CancellationToken cancellationToken);

    /// <summary>
    /// Digests whose delivery turn has not run and that the inbox does not hold (the process stopped between planning
    /// and handing over): to hand to the inbox again. Oldest first, notices in key order.
    /// </summary>
    Task<IReadOnlyList<NoticeDigest>> UndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>Removes a digest and its notices (the library system could not confirm them): the next run plans them afresh.</summary>
    Task ForgetAsync(string conversationKey, string digestId, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the delivery turn did with the digest's notices (queued in its reply, or skipped and why) and that
    /// the turn ran. Keys not in the digest are ignored. A repeated turn (after a conflicting commit) decides again.
    /// </summary>
    Task MarkAsync(string conversationKey, string digestId, IReadOnlyDictionary<string, (NoticeStatus Status, string? Reason)> notices, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Notices with their delivery (the digest's reply in the outbox: the most advanced receipt wins), newest first,
    /// at most <see cref="NoticeQuery.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<NoticeRecord>> ListAsync(NoticeQuery query, CancellationToken cancellationToken);

    /// <summary>How many notices match the query (its limit aside), per UTC day planned, kind, channel and delivery.</summary>
    Task<IReadOnlyList<NoticeCount>> CountAsync(NoticeQuery query, CancellationToken cancellationToken);

    /// <summary>Takes the run lease until <paramref name="until"/> unless another owner holds it (a lease held until <paramref name="now"/> or earlier has lapsed).</summary>
    Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Who holds the run's lease now (null when nobody does, or it has lapsed).</summary>
    Task<string?> LeaseHolderAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
