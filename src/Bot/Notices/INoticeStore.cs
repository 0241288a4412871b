namespace LibraryBot.Bot.Notices;

/// <summary>
/// The notice ledger: which chats asked for notices, every notice ever planned (unique per chat and key, so none is
/// sent twice), their digests, and the lease that keeps two instances from running at once.
/// </summary>
public interface INoticeStore
{
    /// <summary>Remembers a chat whose patron granted notices (the run checks the consent ledger each time).</summary>
    Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken);

    /// <summary>The keys of every notice already planned for the chat.</summary>
    Task<IReadOnlySet<string>> PlannedKeysAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>How many digests the chat was given since the instant (the daily cap).</summary>
    Task<int> DigestsSinceAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores the digest and its notices (status Planned) in one transaction; notices already planned are left out.</summary>
    Task<NoticeDigest?> PlanAsync(NoticeDigest digest, CancellationToken cancellationToken);

    Task<NoticeDigest?> FindDigestAsync(string digestId, CancellationToken cancellationToken);

    /// <summary>Digests whose delivery turn has not run yet (to hand to the inbox again after a crash; the inbox drops repeats).</summary>
    Task<IReadOnlyList<NoticeDigest>> UndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>Removes a digest and its notices (the library system could not confirm them): the next run plans them afresh.</summary>
    Task ForgetAsync(string digestId, CancellationToken cancellationToken);

    Task MarkAsync(string digestId, IReadOnlyDictionary<string, (NoticeStatus Status, string? Reason)> notices, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Notices with their delivery (the digest's reply in the outbox), newest first.</summary>
    Task<IReadOnlyList<NoticeRecord>> ListAsync(NoticeQuery query, CancellationToken cancellationToken);

    /// <summary>Takes the run lease until <paramref name="until"/> unless another owner holds it.</summary>
    Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Who holds the run's lease now (null when nobody does, or it has lapsed).</summary>
    Task<string?> LeaseHolderAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
