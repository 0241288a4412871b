using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Channels.Activities;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// The notice ledger in Cosmos DB, in the same container as the conversations.
/// <para>
/// <b>Partition key: the chat's conversation key</b> (the partition of its conversation document). Everything a run
/// writes for a chat, and everything its delivery turn and the funnel read, is then in one partition: the digest, the
/// notice keys that make a notice unique per chat, the daily cap's count, the inbox entry of the digest's turn and its
/// reply in the outbox. Writes spread over all chats (no hot partition, no partition that grows with the library), and
/// the per-chat reads of a run are single-partition. Only the list of subscribers, the undelivered digests and the
/// staff list cross partitions; the run lease has its own partition (<c>_leases</c>).
/// </para>
/// <para>
/// SQLite's transactions and unique keys become: one document per (chat, notice key) whose id is a hash of the key, so a
/// second plan of the same notice is a 409 on create; a digest written first (marked <c>planning</c>) listing every
/// notice it means to claim, then the claims, then the digest rewritten with the notices it got — a run that stops in
/// between leaves a <c>planning</c> digest that <see cref="UndeliveredAsync"/> (the start of the next run) finishes, so
/// no claimed notice is lost; statuses live in the digest document, so marking a digest is one conditional replace
/// (ETag); the lease is one document replaced under its ETag. No TransactionalBatch, stored procedure or bulk mode.
/// </para>
/// </summary>
public sealed class CosmosNoticeStore(CosmosStorage storage) : INoticeStore
{
    private readonly CosmosLease _lease = new(storage, "notices-run");

    private const int MaxWriteAttempts = 10;
    private const int Parallelism = 8;

    public async Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await container.CreateItemAsync(new NoticeSubscriberDocument { Pk = conversationKey, SinceMs = now.ToUnixTimeMilliseconds() },
                new PartitionKey(conversationKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
        {
            // Subscribed before: the first subscription's time stays.
        }
    }

    public async Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT c.pk, c.sinceMs FROM c WHERE c.type = @type").WithParameter("@type", NoticeSubscriberDocument.DocumentType);
        var rows = new List<SubscriberRow>();
        await foreach (var row in container.QueryAsync<SubscriberRow>(query, null, cancellationToken, pageSize: 1000).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        // Ordered here: ORDER BY on two properties would need a composite index.
        return rows.OrderBy(r => r.SinceMs).ThenBy(r => r.Pk, StringComparer.Ordinal).Select(r => r.Pk).ToList();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PlannedKeysAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT VALUE c.key FROM c WHERE c.type = @type").WithParameter("@type", NoticeKeyDocument.DocumentType);
        var found = await PerChatAsync(conversationKeys, async (key, ct) =>
            (IReadOnlySet<string>)(await container.QueryListAsync<string>(query, key, ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
        return found.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, int>> DigestsSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND c.plannedAtMs >= @since")
            .WithParameter("@type", NoticeDigestDocument.DocumentType).WithParameter("@since", since.ToUnixTimeMilliseconds());
        var counts = await PerChatAsync(conversationKeys, async (key, ct) =>
            (int)(await container.QueryListAsync<long>(query, key, ct).ConfigureAwait(false)).Sum(), cancellationToken).ConfigureAwait(false);
        return counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<NoticeDigest>> PlanAsync(IReadOnlyList<NoticeDigest> digests, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var stored = new NoticeDigest?[digests.Count];
        await Parallel.ForAsync(0, digests.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => stored[i] = await PlanOneAsync(container, digests[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return stored.OfType<NoticeDigest>().ToList();
    }

    public async Task<NoticeDigest?> FindDigestAsync(string conversationKey, string digestId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return await container.ReadOrNullAsync<NoticeDigestDocument>(NoticeDigestDocument.IdFor(digestId), conversationKey, cancellationToken).ConfigureAwait(false)
            is { Document: { Planning: false } document } ? document.ToDigest() : null;
    }

    public async Task<IReadOnlyList<NoticeDigest>> UndeliveredAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.delivered = false")
            .WithParameter("@type", NoticeDigestDocument.DocumentType);
        var undelivered = await container.QueryListAsync<NoticeDigestDocument>(query, null, cancellationToken).ConfigureAwait(false);
        var digests = new NoticeDigest?[undelivered.Count];
        await Parallel.ForAsync(0, undelivered.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var document = undelivered[i];
            if (document.Planning && await FinishPlanningAsync(container, document, ct).ConfigureAwait(false) is null)
            {
                return;
            }

            var inbox = await container.ReadOrNullAsync<InboxDocument>(InboxDocument.IdFor(NoticeDigest.DedupePrefix + document.DigestId), document.Pk, ct)
                .ConfigureAwait(false);
            digests[i] = inbox is null ? document.ToDigest() : null;
        }).ConfigureAwait(false);
        return digests.OfType<NoticeDigest>().OrderBy(d => d.PlannedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public async Task ForgetAsync(string conversationKey, string digestId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (await container.ReadOrNullAsync<NoticeDigestDocument>(NoticeDigestDocument.IdFor(digestId), conversationKey, cancellationToken).ConfigureAwait(false)
            is not { Document: var digest })
        {
            return;
        }

        // The claims first, then the digest: a forget that stops midway is finished by the turn's retry (the digest is still there).
        foreach (var entry in digest.Notices)
        {
            var id = NoticeKeyDocument.IdFor(entry.Notice.Key);
            if (await container.ReadOrNullAsync<NoticeKeyDocument>(id, conversationKey, cancellationToken).ConfigureAwait(false) is { } claim
                && claim.Document.DigestId == digestId)
            {
                await container.DeleteIfPresentAsync(id, conversationKey, claim.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        await container.DeleteIfPresentAsync(digest.Id, conversationKey, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkAsync(string conversationKey, string digestId, IReadOnlyDictionary<string, (NoticeStatus Status, string? Reason)> notices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await container.ReadOrNullAsync<NoticeDigestDocument>(NoticeDigestDocument.IdFor(digestId), conversationKey, cancellationToken).ConfigureAwait(false)
                is not { } found)
            {
                return;
            }

            var document = found.Document;
            foreach (var entry in document.Notices)
            {
                if (notices.TryGetValue(entry.Notice.Key, out var mark))
                {
                    (entry.Status, entry.Reason, entry.UpdatedAtMs) = (mark.Status, mark.Reason, now.ToUnixTimeMilliseconds());
                }
            }

            document.Delivered = true;
            try
            {
                await container.ReplaceItemAsync(document, document.Id, new PartitionKey(conversationKey), new ItemRequestOptions { IfMatchEtag = found.ETag },
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed))
            {
                // Written by someone else meanwhile: apply the marks again to what they wrote.
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
            {
                return;
            }
        }

        throw new ConcurrencyConflictException("A notice digest kept changing while its notices were marked.");
    }

    public async Task<IReadOnlyList<NoticeRecord>> ListAsync(NoticeQuery query, CancellationToken cancellationToken)
    {
        var records = new List<NoticeRecord>();
        if (query.Limit <= 0)
        {
            return records;
        }

        await foreach (var record in ScanAsync(query, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
            if (records.Count >= query.Limit)
            {
                break;
            }
        }

        return records;
    }

    public async Task<IReadOnlyList<NoticeCount>> CountAsync(NoticeQuery query, CancellationToken cancellationToken)
    {
        var tally = new NoticeTally();
        await foreach (var record in ScanAsync(query, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(record);
        }

        return tally.Counts();
    }

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        _lease.TryTakeAsync(owner, now, until, cancellationToken);

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) => _lease.ReleaseAsync(owner, cancellationToken);

    public Task<string?> LeaseHolderAsync(DateTimeOffset now, CancellationToken cancellationToken) => _lease.HolderAsync(now, cancellationToken);

    /// <summary>Writes the digest (planning), claims its notices, then keeps it with those it got (or removes it when none).</summary>
    private static async Task<NoticeDigest?> PlanOneAsync(Container container, NoticeDigest digest, CancellationToken cancellationToken)
    {
        var document = NoticeDigestDocument.Planned(digest);
        try
        {
            await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
        {
            // The same digest planned again (a retried call): finish it if it is still planning; nothing new is stored otherwise.
            if (await container.ReadOrNullAsync<NoticeDigestDocument>(document.Id, document.Pk, cancellationToken).ConfigureAwait(false)
                is not { Document: { Planning: true } planning })
            {
                return null;
            }

            document = planning;
        }

        if (await FinishPlanningAsync(container, document, cancellationToken).ConfigureAwait(false) is not { } finished)
        {
            return null;
        }

        var kept = finished.Notices.Select(n => n.Notice.Key).ToHashSet(StringComparer.Ordinal);
        return kept.Count == digest.Notices.Count ? digest : digest with { Notices = digest.Notices.Where(n => kept.Contains(n.Key)).ToList() };
    }

    /// <summary>
    /// Claims each notice of a planning digest (a claim already held by this digest counts), then keeps the digest with
    /// what it got; null (and the digest removed) when it got none.
    /// </summary>
    private static async Task<NoticeDigestDocument?> FinishPlanningAsync(Container container, NoticeDigestDocument document, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(document.Pk);
        var kept = new List<NoticeEntry>(document.Notices.Count);
        foreach (var entry in document.Notices)
        {
            var claim = new NoticeKeyDocument
            {
                Id = NoticeKeyDocument.IdFor(entry.Notice.Key),
                Pk = document.Pk,
                Key = entry.Notice.Key,
                DigestId = document.DigestId,
                PlannedAtMs = document.PlannedAtMs,
            };
            try
            {
                await container.CreateItemAsync(claim, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
                kept.Add(entry);
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
            {
                var holder = await container.ReadOrNullAsync<NoticeKeyDocument>(claim.Id, document.Pk, cancellationToken).ConfigureAwait(false);
                if (holder?.Document.DigestId == document.DigestId)
                {
                    kept.Add(entry);
                }
            }
        }

        if (kept.Count == 0)
        {
            await container.DeleteIfPresentAsync(document.Id, document.Pk, null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        document.Notices = kept;
        document.Planning = false;
        await container.ReplaceItemAsync(document, document.Id, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document;
    }

    /// <summary>
    /// The notices matching the query (its limit aside), newest first and by key within one instant (as SQLite orders
    /// them), each with its digest's reply looked up in the chat's partition when the notice was queued.
    /// </summary>
    private async IAsyncEnumerable<NoticeRecord> ScanAsync(NoticeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var sql = new StringBuilder("SELECT * FROM c WHERE c.type = @type AND c.planning = false");
        if (query.From is not null)
        {
            sql.Append(" AND c.plannedAtMs >= @from");
        }

        if (query.To is not null)
        {
            sql.Append(" AND c.plannedAtMs < @to");
        }

        var definition = new QueryDefinition(sql.Append(" ORDER BY c.plannedAtMs DESC").ToString()).WithParameter("@type", NoticeDigestDocument.DocumentType);
        if (query.From is { } from)
        {
            definition = definition.WithParameter("@from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            definition = definition.WithParameter("@to", to.ToUnixTimeMilliseconds());
        }

        var replies = new ReplyLookup(container);
        var instant = new List<(NoticeDigestDocument Digest, NoticeEntry Entry)>();
        long? instantMs = null;
        await foreach (var digest in container.QueryAsync<NoticeDigestDocument>(definition, null, cancellationToken).ConfigureAwait(false))
        {
            if (instantMs != digest.PlannedAtMs)
            {
                await foreach (var record in RecordsAsync(instant, query, replies, cancellationToken).ConfigureAwait(false))
                {
                    yield return record;
                }

                instant.Clear();
                instantMs = digest.PlannedAtMs;
            }

            instant.AddRange(digest.Notices.Where(e => Matches(e.Notice, query)).Select(e => (digest, e)));
        }

        await foreach (var record in RecordsAsync(instant, query, replies, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<NoticeRecord> RecordsAsync(
        List<(NoticeDigestDocument Digest, NoticeEntry Entry)> instant, NoticeQuery query, ReplyLookup replies, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (digest, entry) in instant.OrderBy(n => n.Entry.Notice.Key, StringComparer.Ordinal))
        {
            var reply = entry.Status == NoticeStatus.Queued ? await replies.FindAsync(digest.Pk, digest.DigestId, cancellationToken).ConfigureAwait(false) : null;
            var record = NoticeDelivery.Record(entry.Notice, digest.DigestId, digest.Pk, digest.PlannedAt, entry.Status, entry.Reason, reply);
            if (query.Delivery is null || string.Equals(query.Delivery, record.Delivery, StringComparison.OrdinalIgnoreCase))
            {
                yield return record;
            }
        }
    }

    private static bool Matches(PlannedNotice notice, NoticeQuery query) =>
        (query.Kind is null || notice.Kind == query.Kind)
        && (query.Patron is null || notice.PatronId == query.Patron || string.Equals(notice.PatronName, query.Patron, StringComparison.OrdinalIgnoreCase));

    private static async Task<Dictionary<string, T>> PerChatAsync<T>(IReadOnlyCollection<string> conversationKeys, Func<string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var keys = conversationKeys.Distinct(StringComparer.Ordinal).ToList();
        var results = new T[keys.Count];
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await read(keys[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return keys.Select((k, i) => (k, results[i])).ToDictionary(r => r.k, r => r.Item2, StringComparer.Ordinal);
    }

    private sealed record SubscriberRow(string Pk, long SinceMs);

    /// <summary>
    /// The first reply of each notice digest's turn, from the chat's conversation document (read once per chat while a
    /// scan lasts, keeping only its notice replies) or, once archived, from the chat's archived replies.
    /// </summary>
    private sealed class ReplyLookup(Container container)
    {
        private readonly Dictionary<string, Dictionary<string, NoticeDelivery.Reply?>> _byChat = new(StringComparer.Ordinal);

        public async Task<NoticeDelivery.Reply?> FindAsync(string conversationKey, string digestId, CancellationToken cancellationToken)
        {
            var dedupeKey = NoticeDigest.DedupePrefix + digestId;
            if (!_byChat.TryGetValue(conversationKey, out var replies))
            {
                var conversation = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken)
                    .ConfigureAwait(false);
                replies = new Dictionary<string, NoticeDelivery.Reply?>(StringComparer.Ordinal);
                foreach (var reply in conversation?.Document.Outbox ?? [])
                {
                    if (reply.InboundDedupeKey is { } key && key.StartsWith(NoticeDigest.DedupePrefix, StringComparison.Ordinal))
                    {
                        replies.TryAdd(key, Summary(reply));
                    }
                }

                _byChat[conversationKey] = replies;
            }

            if (!replies.TryGetValue(dedupeKey, out var found))
            {
                var archived = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.reply.inboundDedupeKey = @key")
                    .WithParameter("@type", ArchivedReplyDocument.DocumentType).WithParameter("@key", dedupeKey);
                var first = (await container.QueryListAsync<ArchivedReplyDocument>(archived, conversationKey, cancellationToken).ConfigureAwait(false))
                    .MinBy(a => a.Reply.Id);
                replies[dedupeKey] = found = first is null ? null : Summary(first.Reply);
            }

            return found;
        }

        private static NoticeDelivery.Reply Summary(ReplyRecord reply) => new(reply.Status, reply.DeliveryState, reply.ErrorCode, reply.Reason);
    }
}

/// <summary>A chat whose patron granted notices (the run's list of chats), in the chat's partition.</summary>
internal sealed class NoticeSubscriberDocument
{
    public const string DocumentType = "noticeSubscriber";

    public string Id { get; init; } = "notice-subscriber";

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required long SinceMs { get; init; }
}

/// <summary>
/// One planned notice of a chat, only there to make it unique: its id is a hash of the notice key, so planning it a
/// second time is a 409. Points at the digest that holds it.
/// </summary>
internal sealed class NoticeKeyDocument
{
    public const string DocumentType = "noticeKey";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required string Key { get; init; }

    public required string DigestId { get; init; }

    public required long PlannedAtMs { get; init; }

    public static string IdFor(string noticeKey) => "notice-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(noticeKey)));
}

/// <summary>A digest with its notices and their statuses, in the chat's partition.</summary>
internal sealed class NoticeDigestDocument
{
    public const string DocumentType = "noticeDigest";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required string DigestId { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset PlannedAt { get; init; }

    public required long PlannedAtMs { get; init; }

    /// <summary>Written, its notices not all claimed yet: not to be handed over until finished.</summary>
    public bool Planning { get; set; }

    /// <summary>Its delivery turn ran (<see cref="INoticeStore.MarkAsync"/>).</summary>
    public bool Delivered { get; set; }

    /// <summary>In notice key order.</summary>
    public required List<NoticeEntry> Notices { get; set; }

    public static string IdFor(string digestId) => "notice-digest-" + digestId;

    public static NoticeDigestDocument Planned(NoticeDigest digest) => new()
    {
        Id = IdFor(digest.Id),
        Pk = digest.ConversationKey,
        DigestId = digest.Id,
        RunId = digest.RunId,
        PlannedAt = digest.PlannedAt,
        PlannedAtMs = digest.PlannedAt.ToUnixTimeMilliseconds(),
        Planning = true,
        Notices = digest.Notices.DistinctBy(n => n.Key, StringComparer.Ordinal).OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new NoticeEntry { Notice = n, Status = NoticeStatus.Planned, UpdatedAtMs = digest.PlannedAt.ToUnixTimeMilliseconds() }).ToList(),
    };

    public NoticeDigest ToDigest() => new(DigestId, Pk, RunId, PlannedAt, Notices.Select(n => n.Notice).ToList());
}

internal sealed class NoticeEntry
{
    public required PlannedNotice Notice { get; init; }

    public NoticeStatus Status { get; set; }

    public string? Reason { get; set; }

    public long UpdatedAtMs { get; set; }
}
