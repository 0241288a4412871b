using System.Net;
using LibraryBot.Channels.Activities;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// The durable inbox in Cosmos DB: one document per entry in its conversation's partition (id = hash of the dedupe
/// key), a lease document per conversation for claims, payload erased when consumed.
/// </summary>
public sealed class CosmosInboxStore(CosmosStorage storage, CosmosSequence sequence, TimeProvider clock, ILogger<CosmosInboxStore> logger) : IInboxStore
{
    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<Activity> activities, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var results = new bool[activities.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = Enumerable.Range(0, activities.Count).Where(i => seen.Add(activities[i].DedupeKey)).ToList();
        if (firsts.Count == 0)
        {
            return results;
        }

        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var next = await sequence.ReserveAsync(CosmosSequence.Inbox, firsts.Count, cancellationToken).ConfigureAwait(false);
        foreach (var i in firsts)
        {
            var activity = activities[i];
            var document = new InboxDocument
            {
                Id = InboxDocument.IdFor(activity.DedupeKey),
                Pk = activity.Conversation.Key,
                Seq = next++,
                ReceivedAt = receivedAt,
                Payload = activity,
            };
            storage.Hints.RememberInbound(activity.DedupeKey, document.Pk);
            try
            {
                await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
                results[i] = true;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
            {
                results[i] = false;
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<InboxEntry>> ClaimPendingAsync(string workerId, long afterSequence, int maxEntries, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<InboxEntry>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        // A conversation is leased and taken whole (its older entries too), so one found after the sequence keeps its order.
        var pending = new QueryDefinition("SELECT c.pk, c.seq FROM c WHERE c.type = @type AND c.done = false AND c.seq > @after ORDER BY c.seq")
            .WithParameter("@type", InboxDocument.DocumentType).WithParameter("@after", afterSequence);
        await foreach (var row in container.QueryAsync<PartitionRow>(pending, null, cancellationToken).ConfigureAwait(false))
        {
            if (claimed.Count >= maxEntries)
            {
                break;
            }

            if (visited.Add(row.Pk) && await TryLeaseAsync(container, row.Pk, workerId, now, leaseFor, cancellationToken).ConfigureAwait(false))
            {
                await TakeConversationAsync(container, row.Pk, claimed, maxEntries, cancellationToken).ConfigureAwait(false);
            }
        }

        return claimed.OrderBy(e => e.Sequence).ToList();
    }

    public async Task RenewClaimsAsync(string workerId, IReadOnlyCollection<InboxEntry> entries, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        foreach (var conversationKey in entries.Select(e => e.Activity.Conversation.Key).Distinct(StringComparer.Ordinal))
        {
            if (await container.ReadOrNullAsync<InboxLeaseDocument>(InboxLeaseDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false) is not { } held
                || held.Document.Owner != workerId)
            {
                continue;
            }

            held.Document.UntilMs = until.ToUnixTimeMilliseconds();
            try
            {
                await container.ReplaceItemAsync(held.Document, held.Document.Id, new PartitionKey(conversationKey), new ItemRequestOptions { IfMatchEtag = held.ETag },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.NotFound))
            {
                // Taken over (the claim had lapsed) or the conversation was erased: nothing of ours to renew.
            }
        }
    }

    public async Task CompleteAsync(long sequence, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(container, sequence, null, cancellationToken).ConfigureAwait(false) is { Done: false } entry)
        {
            await MarkDoneAsync(container, entry, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool?> IsCompletedAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (storage.Hints.ForInbound(dedupeKey) is { } conversationKey)
        {
            var entry = await container.ReadOrNullAsync<InboxDocument>(InboxDocument.IdFor(dedupeKey), conversationKey, cancellationToken).ConfigureAwait(false);
            return entry?.Document.Done;
        }

        var query = new QueryDefinition("SELECT VALUE c.done FROM c WHERE c.id = @id AND c.type = @type")
            .WithParameter("@id", InboxDocument.IdFor(dedupeKey)).WithParameter("@type", InboxDocument.DocumentType);
        var found = await container.QueryListAsync<bool>(query, null, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND c.done = false")
            .WithParameter("@type", InboxDocument.DocumentType);
        // Across partitions the count may come back per partition: add them up.
        return (int)(await container.QueryListAsync<long>(query, null, cancellationToken).ConfigureAwait(false)).Sum();
    }

    /// <summary>Finds an entry by sequence, in one conversation's partition when known.</summary>
    internal static async Task<InboxDocument?> FindAsync(Container container, long sequence, string? conversationKey, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.seq = @seq")
            .WithParameter("@type", InboxDocument.DocumentType).WithParameter("@seq", sequence);
        return (await container.QueryListAsync<InboxDocument>(query, conversationKey, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Marks an entry consumed and erases its payload; repeating it changes nothing.</summary>
    internal static async Task MarkDoneAsync(Container container, InboxDocument entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        entry.Done = true;
        entry.Payload = null;
        entry.CompletedAt ??= now;
        try
        {
            await container.ReplaceItemAsync(entry, entry.Id, new PartitionKey(entry.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
        {
            // The conversation was deleted meanwhile: nothing is left to consume.
        }
    }

    private async Task TakeConversationAsync(Container container, string conversationKey, List<InboxEntry> claimed, int maxEntries, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.done = false ORDER BY c.seq")
            .WithParameter("@type", InboxDocument.DocumentType);
        var entries = await container.QueryListAsync<InboxDocument>(query, conversationKey, cancellationToken).ConfigureAwait(false);
        var conversation = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
        var consumed = conversation?.Document.Consumed ?? [];
        foreach (var entry in entries)
        {
            if (consumed.Contains(entry.Seq))
            {
                // A turn committed it but the process stopped before marking it: finish that, never run it again.
                CosmosStorageLog.InboxEntryRepaired(logger, entry.Seq, LogIds.Hash(conversationKey));
                await MarkDoneAsync(container, entry, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            else if (claimed.Count < maxEntries && entry.Payload is { } activity)
            {
                claimed.Add(new InboxEntry(entry.Seq, entry.ReceivedAt, activity));
            }
        }
    }

    private static async Task<bool> TryLeaseAsync(Container container, string conversationKey, string workerId, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var until = (now + leaseFor).ToUnixTimeMilliseconds();
        var partition = new PartitionKey(conversationKey);
        var current = await container.ReadOrNullAsync<InboxLeaseDocument>(InboxLeaseDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is not { } held)
            {
                await container.CreateItemAsync(new InboxLeaseDocument { Pk = conversationKey, Owner = workerId, UntilMs = until }, partition,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (held.Document.Owner != workerId && held.Document.UntilMs >= now.ToUnixTimeMilliseconds())
            {
                return false;
            }

            held.Document.Owner = workerId;
            held.Document.UntilMs = until;
            await container.ReplaceItemAsync(held.Document, held.Document.Id, partition, new ItemRequestOptions { IfMatchEtag = held.ETag },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict) || ex.Is(HttpStatusCode.PreconditionFailed))
        {
            return false;
        }
    }
}
