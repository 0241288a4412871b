using System.Net;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The broadcast ledger in Cosmos DB, in the same container as the conversations (docs/storage.md, "Broadcasts").
/// <para>
/// <b>Recipients are partitioned by broadcast</b> (<c>_broadcast:&lt;id&gt;</c>, with the broadcast's recipient counter
/// and mass-send jobs): the dispatcher's hot path — the next pending recipients in the order added — is a
/// single-partition query, and the delivery turn's look-up and mark take the broadcast id and the chat's key, so they
/// are point reads and writes. Each chat's partition holds its sign-up and a small log of the broadcasts sent to it, so
/// the frequency cap and an opt-out are point reads of the chat; each broadcast's document lives in
/// <c>_broadcasts</c> (few, written by staff only). The funnel and the recipient list read the broadcast's partition
/// page by page and each Queued recipient's reply from its chat's conversation document (point reads); only the list
/// of subscribers crosses partitions. A WeChat msg_id points at its job from its own partition.
/// </para>
/// <para>
/// Uniqueness per (broadcast, chat) is the recipient document's id (a hash of the chat's key: a second add is a 409); a
/// transition is a conditional replace (ETag), so of racing transitions one wins. No TransactionalBatch or bulk mode.
/// </para>
/// </summary>
public sealed class CosmosBroadcastStore(CosmosStorage storage) : IBroadcastStore
{
    private readonly CosmosLease _lease = new(storage, "broadcasts-dispatch");

    private const int MaxWriteAttempts = 10;
    private const int Parallelism = 8;
    private const string RecipientCounter = "recipient-seq";
    private static readonly TimeSpan OptOutWindow = TimeSpan.FromDays(7);

    public async Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await container.CreateItemAsync(new BroadcastSubscriberDocument { Pk = conversationKey, SinceMs = now.ToUnixTimeMilliseconds() },
                new PartitionKey(conversationKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
        {
            // Signed up before: the first sign-up's time stays.
        }
    }

    public async Task RemoveSubscriberAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        await container.DeleteIfPresentAsync(BroadcastSubscriberDocument.DocumentId, conversationKey, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT c.pk, c.sinceMs FROM c WHERE c.type = @type").WithParameter("@type", BroadcastSubscriberDocument.DocumentType);
        var rows = new List<SubscriberRow>();
        await foreach (var row in container.QueryAsync<SubscriberRow>(query, null, cancellationToken, pageSize: 1000).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows.OrderBy(r => r.SinceMs).ThenBy(r => r.Pk, StringComparer.Ordinal).Select(r => r.Pk).ToList();
    }

    public async Task CreateAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        await container.CreateItemAsync(BroadcastDocument.For(broadcast), new PartitionKey(BroadcastPartitions.Broadcasts), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<Broadcast?> GetAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadBroadcastAsync(container, broadcastId, cancellationToken).ConfigureAwait(false))?.Document.Broadcast;
    }

    public async Task<IReadOnlyList<Broadcast>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type").WithParameter("@type", BroadcastDocument.DocumentType);
        var all = await container.QueryListAsync<BroadcastDocument>(query, BroadcastPartitions.Broadcasts, cancellationToken).ConfigureAwait(false);

        // Ordered here: ORDER BY on two properties would need a composite index (and there are few broadcasts).
        return all.OrderByDescending(d => d.CreatedAtMs).ThenByDescending(d => d.Broadcast.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit)).Select(d => d.Broadcast).ToList();
    }

    public async Task<IReadOnlyList<Broadcast>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.type = @type AND (c.status = @sending OR (c.status = @scheduled AND (NOT IS_DEFINED(c.sendAtMs) OR IS_NULL(c.sendAtMs) OR c.sendAtMs <= @now)))")
            .WithParameter("@type", BroadcastDocument.DocumentType).WithParameter("@sending", BroadcastStatus.Sending.ToString())
            .WithParameter("@scheduled", BroadcastStatus.Scheduled.ToString()).WithParameter("@now", now.ToUnixTimeMilliseconds());
        var due = await container.QueryListAsync<BroadcastDocument>(query, BroadcastPartitions.Broadcasts, cancellationToken).ConfigureAwait(false);
        return due.OrderBy(d => d.CreatedAtMs).ThenBy(d => d.Broadcast.Id, StringComparer.Ordinal).Select(d => d.Broadcast).ToList();
    }

    public async Task<Broadcast?> TransitionAsync(string broadcastId, IReadOnlyCollection<BroadcastStatus> from, BroadcastStatus to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await ReadBroadcastAsync(container, broadcastId, cancellationToken).ConfigureAwait(false) is not { } found || !from.Contains(found.Document.Status))
            {
                return null;
            }

            var document = found.Document;
            document.Broadcast = BroadcastTransition.Apply(document.Broadcast, to, now);
            document.Status = to;
            try
            {
                await container.ReplaceItemAsync(document, document.Id, new PartitionKey(BroadcastPartitions.Broadcasts),
                    new ItemRequestOptions { IfMatchEtag = found.ETag }, cancellationToken).ConfigureAwait(false);
                return document.Broadcast;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed))
            {
                // Changed by someone else meanwhile: decide again on what they wrote.
            }
        }

        throw new ConcurrencyConflictException("A broadcast kept changing while its status was being changed.");
    }

    public async Task<int> AddRecipientsAsync(IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var batch in recipients.GroupBy(r => r.BroadcastId, StringComparer.Ordinal))
        {
            var distinct = batch.DistinctBy(r => r.ConversationKey, StringComparer.Ordinal).ToList();
            var first = await ReserveSeqAsync(container, batch.Key, distinct.Count, cancellationToken).ConfigureAwait(false);
            var created = new bool[distinct.Count];
            await Parallel.ForAsync(0, distinct.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var document = BroadcastRecipientDocument.For(distinct[i], first + i);
                try
                {
                    await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: ct).ConfigureAwait(false);
                    created[i] = true;
                }
                catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
                {
                    // Already in the broadcast: left as it is.
                }
            }).ConfigureAwait(false);
            added += created.Count(c => c);
        }

        return added;
    }

    public async Task<IReadOnlyList<BroadcastRecipient>> PendingAsync(string broadcastId, int limit, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition($"SELECT TOP {Math.Max(0, limit)} * FROM c WHERE c.type = @type AND c.status = @status ORDER BY c.seq")
            .WithParameter("@type", BroadcastRecipientDocument.DocumentType).WithParameter("@status", RecipientStatus.Pending.ToString());
        var pending = await container.QueryListAsync<BroadcastRecipientDocument>(query, BroadcastPartitions.Of(broadcastId), cancellationToken).ConfigureAwait(false);
        return pending.Select(d => d.ToRecipient()).ToList();
    }

    public async Task<BroadcastRecipient?> FindRecipientAsync(string broadcastId, string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return (await container.ReadOrNullAsync<BroadcastRecipientDocument>(BroadcastRecipientDocument.IdFor(conversationKey), BroadcastPartitions.Of(broadcastId),
            cancellationToken).ConfigureAwait(false))?.Document.ToRecipient();
    }

    public async Task MarkAsync(string broadcastId, IReadOnlyCollection<string> conversationKeys, RecipientStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var keys = conversationKeys.Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => await MarkOneAsync(container, broadcastId, keys[i], status, reason, now, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, int>> SentSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var keys = conversationKeys.Distinct(StringComparer.Ordinal).ToList();
        var counts = new int[keys.Count];
        var sinceMs = since.ToUnixTimeMilliseconds();
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var log = await container.ReadOrNullAsync<BroadcastSendLogDocument>(BroadcastSendLogDocument.DocumentId, keys[i], ct).ConfigureAwait(false);
            counts[i] = log?.Document.Sends.Values.Count(at => at >= sinceMs) ?? 0;
        }).ConfigureAwait(false);
        return keys.Select((k, i) => (k, counts[i])).Where(c => c.Item2 > 0).ToDictionary(c => c.k, c => c.Item2, StringComparer.Ordinal);
    }

    public async Task MarkOptedOutAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = ((now - OptOutWindow).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds());
        var log = await container.ReadOrNullAsync<BroadcastSendLogDocument>(BroadcastSendLogDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
        foreach (var (broadcastId, _) in log?.Document.Sends.Where(s => s.Value >= from && s.Value <= to) ?? [])
        {
            await UpdateRecipientAsync(container, broadcastId, conversationKey, recipient =>
            {
                if (!IsSent(recipient.Status) || recipient.UpdatedAtMs < from || recipient.UpdatedAtMs > to || recipient.OptedOutAtMs is not null)
                {
                    return false;
                }

                recipient.OptedOutAtMs = to;
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<RecipientDelivery>> RecipientsAsync(string broadcastId, RecipientStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition($"SELECT * FROM c WHERE c.type = @type{(status is null ? string.Empty : " AND c.status = @status")} ORDER BY c.seq")
            .WithParameter("@type", BroadcastRecipientDocument.DocumentType);
        if (status is { } only)
        {
            query = query.WithParameter("@status", only.ToString());
        }

        var page = new List<BroadcastRecipientDocument>();
        var skipped = 0;
        if (limit > 0)
        {
            // The test server has no OFFSET LIMIT: the page is found by reading past the offset (in pages of 100).
            await foreach (var document in container.QueryAsync<BroadcastRecipientDocument>(query, BroadcastPartitions.Of(broadcastId), cancellationToken).ConfigureAwait(false))
            {
                if (skipped++ < offset)
                {
                    continue;
                }

                page.Add(document);
                if (page.Count >= limit)
                {
                    break;
                }
            }
        }

        var replies = await BroadcastReplies.FindAsync(container, broadcastId, page.Where(d => d.Status == RecipientStatus.Queued).Select(d => d.Chat).ToList(),
            cancellationToken).ConfigureAwait(false);
        return page.Select(d =>
        {
            var reply = replies.GetValueOrDefault(d.Chat);
            var failed = BroadcastFunnelTally.Failed(reply?.Status, reply?.DeliveryState);
            return new RecipientDelivery(d.ToRecipient(), reply?.Status, failed ? reply?.ErrorCode : null, failed ? reply?.Reason : null, reply?.DeliveryState);
        }).ToList();
    }

    public async Task<BroadcastFunnel> FunnelAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT c.chat, c.status, c.reason, c.optedOutAtMs FROM c WHERE c.type = @type")
            .WithParameter("@type", BroadcastRecipientDocument.DocumentType);
        var rows = new List<FunnelRow>();
        await foreach (var row in container.QueryAsync<FunnelRow>(query, BroadcastPartitions.Of(broadcastId), cancellationToken, pageSize: 1000).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var replies = await BroadcastReplies.FindAsync(container, broadcastId, rows.Where(r => r.Status == RecipientStatus.Queued).Select(r => r.Chat).ToList(),
            cancellationToken).ConfigureAwait(false);
        var tally = new BroadcastFunnelTally();
        foreach (var row in rows)
        {
            var reply = row.Status == RecipientStatus.Queued ? replies.GetValueOrDefault(row.Chat) : null;
            tally.Add(row.Status, row.Reason, row.OptedOutAtMs is not null, reply?.Status, reply?.DeliveryState, reply?.ErrorCode);
        }

        foreach (var job in await MassSendsAsync(broadcastId, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(job);
        }

        return tally.Funnel();
    }

    public async Task AddMassSendAsync(MassSendJob job, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var document = MassSendDocument.For(job);
        try
        {
            await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
        {
            // Recorded before (a retry with the same client msg id): the first record stays.
        }
    }

    public async Task SetMassSendMsgIdAsync(string broadcastId, string clientMsgId, string msgId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (await container.ReadOrNullAsync<MassSendDocument>(MassSendDocument.IdFor(clientMsgId), BroadcastPartitions.Of(broadcastId), cancellationToken)
            .ConfigureAwait(false) is null)
        {
            return;
        }

        // The pointer first: a finish event that comes before the job has its msg_id still finds the job.
        var pointer = new MassSendMsgDocument { Pk = BroadcastPartitions.OfMsgId(msgId), BroadcastId = broadcastId, ClientMsgId = clientMsgId };
        await container.UpsertItemAsync(pointer, new PartitionKey(pointer.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
        await UpdateMassSendAsync(container, broadcastId, clientMsgId, job => job with { MsgId = msgId }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FinishMassSendAsync(string msgId, string status, int sentCount, int errorCount, int filterCount, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (await container.ReadOrNullAsync<MassSendMsgDocument>(MassSendMsgDocument.DocumentId, BroadcastPartitions.OfMsgId(msgId), cancellationToken)
            .ConfigureAwait(false) is not { Document: var pointer })
        {
            return null;
        }

        return await UpdateMassSendAsync(container, pointer.BroadcastId, pointer.ClientMsgId,
            job => job with { MsgId = msgId, FinishStatus = status, SentCount = sentCount, ErrorCount = errorCount, FilterCount = filterCount },
            cancellationToken).ConfigureAwait(false) ? pointer.BroadcastId : null;
    }

    public async Task<IReadOnlyList<MassSendJob>> MassSendsAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type").WithParameter("@type", MassSendDocument.DocumentType);
        var jobs = await container.QueryListAsync<MassSendDocument>(query, BroadcastPartitions.Of(broadcastId), cancellationToken).ConfigureAwait(false);
        return jobs.OrderBy(j => j.CreatedAtMs).ThenBy(j => j.Job.ClientMsgId, StringComparer.Ordinal).Select(j => j.Job).ToList();
    }

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        _lease.TryTakeAsync(owner, now, until, cancellationToken);

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) => _lease.ReleaseAsync(owner, cancellationToken);

    private static bool IsSent(RecipientStatus status) => status is RecipientStatus.Queued or RecipientStatus.MassSend;

    private static Task<(BroadcastDocument Document, string ETag)?> ReadBroadcastAsync(Container container, string broadcastId, CancellationToken cancellationToken) =>
        container.ReadOrNullAsync<BroadcastDocument>(BroadcastDocument.IdFor(broadcastId), BroadcastPartitions.Broadcasts, cancellationToken);

    /// <summary>
    /// Marks one recipient: the chat's send log first (so a stop in between errs towards the cap, never past it), then
    /// the recipient under its ETag.
    /// </summary>
    private static async Task MarkOneAsync(Container container, string broadcastId, string conversationKey, RecipientStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var logged = false;
        await UpdateRecipientAsync(container, broadcastId, conversationKey, recipient =>
        {
            (recipient.Status, recipient.Reason, recipient.UpdatedAtMs) = (status, reason, now.ToUnixTimeMilliseconds());
            return true;
        }, cancellationToken, async (before, ct) =>
        {
            if (!logged && (IsSent(status) || IsSent(before)))
            {
                await LogSendAsync(container, conversationKey, broadcastId, IsSent(status) ? now.ToUnixTimeMilliseconds() : null, ct).ConfigureAwait(false);
                logged = true;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Reads the recipient, changes it (unless <paramref name="change"/> says there is nothing to do) and replaces it under its ETag.</summary>
    private static async Task UpdateRecipientAsync(
        Container container, string broadcastId, string conversationKey, Func<BroadcastRecipientDocument, bool> change, CancellationToken cancellationToken,
        Func<RecipientStatus, CancellationToken, Task>? beforeWrite = null)
    {
        var (id, partition) = (BroadcastRecipientDocument.IdFor(conversationKey), BroadcastPartitions.Of(broadcastId));
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await container.ReadOrNullAsync<BroadcastRecipientDocument>(id, partition, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return;
            }

            var before = found.Document.Status;
            if (!change(found.Document))
            {
                return;
            }

            if (beforeWrite is not null)
            {
                await beforeWrite(before, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await container.ReplaceItemAsync(found.Document, id, new PartitionKey(partition), new ItemRequestOptions { IfMatchEtag = found.ETag }, cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed))
            {
                // Written by someone else meanwhile: apply the change again to what they wrote.
            }
        }

        throw new ConcurrencyConflictException("A broadcast recipient kept changing while it was marked.");
    }

    /// <summary>Records in the chat's send log that the broadcast was sent at <paramref name="sentAtMs"/>, or removes it (null).</summary>
    private static async Task LogSendAsync(Container container, string conversationKey, string broadcastId, long? sentAtMs, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(conversationKey);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var found = await container.ReadOrNullAsync<BroadcastSendLogDocument>(BroadcastSendLogDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
            var log = found?.Document ?? new BroadcastSendLogDocument { Pk = conversationKey };
            if (sentAtMs is { } at)
            {
                log.Sends[broadcastId] = at;
            }
            else if (!log.Sends.Remove(broadcastId))
            {
                return;
            }

            try
            {
                if (found is { ETag: var etag })
                {
                    await container.ReplaceItemAsync(log, log.Id, partition, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await container.CreateItemAsync(log, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.Conflict))
            {
                // Another broadcast's mark wrote the log meanwhile: apply this one to what it wrote.
            }
        }

        throw new ConcurrencyConflictException("A chat's broadcast log kept changing while it was written.");
    }

    private static async Task<bool> UpdateMassSendAsync(Container container, string broadcastId, string clientMsgId, Func<MassSendJob, MassSendJob> change, CancellationToken cancellationToken)
    {
        var (id, partition) = (MassSendDocument.IdFor(clientMsgId), BroadcastPartitions.Of(broadcastId));
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await container.ReadOrNullAsync<MassSendDocument>(id, partition, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return false;
            }

            found.Document.Job = change(found.Document.Job);
            try
            {
                await container.ReplaceItemAsync(found.Document, id, new PartitionKey(partition), new ItemRequestOptions { IfMatchEtag = found.ETag }, cancellationToken)
                    .ConfigureAwait(false);
                return true;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed))
            {
                // The msg_id and the finish event crossed: apply this change to what the other wrote.
            }
        }

        throw new ConcurrencyConflictException("A mass-send job kept changing while it was updated.");
    }

    /// <summary>Reserves <paramref name="count"/> consecutive recipient numbers of the broadcast (a patch increment in its partition).</summary>
    private static async Task<long> ReserveSeqAsync(Container container, string broadcastId, int count, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(BroadcastPartitions.Of(broadcastId));
        while (true)
        {
            try
            {
                var response = await container.PatchItemAsync<CounterDocument>(RecipientCounter, partition, [PatchOperation.Increment("/value", count)],
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return response.Resource.Value - count + 1;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
            {
                try
                {
                    await container.CreateItemAsync(new CounterDocument { Id = RecipientCounter, Pk = BroadcastPartitions.Of(broadcastId) }, partition,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (CosmosException conflict) when (conflict.Is(HttpStatusCode.Conflict))
                {
                    // Another planner created it first: the increment is retried on that one.
                }
            }
        }
    }

    private sealed record SubscriberRow(string Pk, long SinceMs);

    private sealed record FunnelRow(string Chat, RecipientStatus Status, string? Reason, long? OptedOutAtMs);
}
