using System.Net;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// The durable outbox in Cosmos DB. Replies live in their conversation's document (added by the turn commit); every
/// change here is a read-modify-write of that document under its ETag, retried when another writer got there first.
/// </summary>
public sealed class CosmosOutboxStore(CosmosStorage storage, ILogger<CosmosOutboxStore> logger) : IOutboxStore
{
    private const int MaxWriteAttempts = 10;

    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(string workerId, int maxItems, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var nowMs = now.ToUnixTimeMilliseconds();
        var due = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.headReadyAtMs <= @now ORDER BY c.headReadyAtMs")
            .WithParameter("@type", ConversationDocument.DocumentType).WithParameter("@now", nowMs);
        var items = new List<OutboxItem>();
        await foreach (var document in container.QueryAsync<ConversationDocument>(due, null, cancellationToken).ConfigureAwait(false))
        {
            if (items.Count >= maxItems)
            {
                break;
            }

            var etag = document.ETag;
            if (document.Head() is not { } head || head.NextAttemptAtMs > nowMs || head.IsLeased(now))
            {
                continue;
            }

            head.LeaseOwner = workerId;
            head.LeaseUntilMs = (now + leaseFor).ToUnixTimeMilliseconds();
            if (await TryReplaceAsync(container, document, etag, cancellationToken).ConfigureAwait(false))
            {
                storage.Hints.RememberReply(head.Id, document.Pk);
                items.Add(head.ToItem(document.State.LastInboundAt));
            }
        }

        return items;
    }

    public async Task<int> ReleaseClaimsAsync(string workerId, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var held = new QueryDefinition("SELECT VALUE c.pk FROM c JOIN o IN c.outbox WHERE c.type = @type AND o.status = @pending AND o.leaseOwner = @me")
            .WithParameter("@type", ConversationDocument.DocumentType).WithParameter("@pending", nameof(OutboxStatus.Pending)).WithParameter("@me", workerId);
        var released = 0;
        foreach (var key in (await container.QueryListAsync<string>(held, null, cancellationToken).ConfigureAwait(false)).Distinct(StringComparer.Ordinal))
        {
            released += await UpdateConversationAsync(container, key, document =>
            {
                var mine = document.Outbox.Where(r => r.Status == OutboxStatus.Pending && r.LeaseOwner == workerId).ToList();
                foreach (var reply in mine)
                {
                    (reply.LeaseOwner, reply.LeaseUntilMs) = (null, null);
                }

                return mine.Count == 0 ? null : mine;
            }, cancellationToken).ConfigureAwait(false) is { } lifted ? lifted.Count : 0;
        }

        return released;
    }

    public async Task MarkSentAsync(long id, string channelMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = await UpdateReplyAsync(id, reply =>
        {
            reply.ChannelMessageId = channelMessageId;
            reply.Attempts++;
            reply.Reason = null;
            reply.ErrorCode = null;
            reply.Finish(OutboxStatus.Sent, now);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            storage.Hints.RememberChannelMessage(channelMessageId, key);
        }
    }

    public Task ScheduleRetryAsync(long id, DateTimeOffset nextAttemptAt, string reason, string? errorCode, CancellationToken cancellationToken) =>
        UpdateReplyAsync(id, reply =>
        {
            if (reply.Status != OutboxStatus.Pending)
            {
                return false;
            }

            reply.Attempts++;
            reply.NextAttemptAtMs = nextAttemptAt.ToUnixTimeMilliseconds();
            (reply.Reason, reply.ErrorCode, reply.LeaseOwner, reply.LeaseUntilMs) = (reason, errorCode, null, null);
            return true;
        }, cancellationToken);

    public Task MarkStoppedAsync(long id, OutboxStatus status, string reason, string? errorCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateReplyAsync(id, reply =>
        {
            if (reply.Status != OutboxStatus.Pending)
            {
                return false;
            }

            reply.Attempts++;
            (reply.Reason, reply.ErrorCode) = (reason, errorCode);
            reply.Finish(status, now);
            return true;
        }, cancellationToken);

    public async Task<OutboxItem?> ApplyDeliveryStatusAsync(DeliveryStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var inDocument = new QueryDefinition("SELECT VALUE c.pk FROM c JOIN o IN c.outbox WHERE c.type = @type AND o.channelMessageId = @m")
            .WithParameter("@type", ConversationDocument.DocumentType).WithParameter("@m", status.ChannelMessageId);
        var key = storage.Hints.ForChannelMessage(status.ChannelMessageId) ?? await FindPartitionAsync(container, inDocument, cancellationToken).ConfigureAwait(false);
        var updated = key is null ? null : await UpdateConversationAsync(container, key, document =>
        {
            var reply = document.Outbox.FirstOrDefault(r => r.ChannelMessageId == status.ChannelMessageId);
            reply?.ApplyReceipt(status);
            return reply?.ToItem(document.State.LastInboundAt);
        }, cancellationToken).ConfigureAwait(false);

        // Not in a conversation document (any more): it may have been archived.
        return updated ?? await ApplyToArchiveAsync(container, status, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboundMessage?> TryClaimPassiveReplyAsync(string inboundDedupeKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT VALUE c.pk FROM c JOIN o IN c.outbox WHERE c.type = @type AND o.inboundDedupeKey = @k AND o.status = @pending")
            .WithParameter("@type", ConversationDocument.DocumentType).WithParameter("@k", inboundDedupeKey)
            .WithParameter("@pending", nameof(OutboxStatus.Pending));
        if ((storage.Hints.ForInbound(inboundDedupeKey) ?? await FindPartitionAsync(container, query, cancellationToken).ConfigureAwait(false)) is not { } key)
        {
            return null;
        }

        return await UpdateConversationAsync(container, key, document =>
        {
            var first = document.Outbox.FirstOrDefault(r => r.Status == OutboxStatus.Pending && r.InboundDedupeKey == inboundDedupeKey);
            if (first is null || first != document.Head() || first.IsLeased(now))
            {
                return null;
            }

            first.Finish(OutboxStatus.SentPassively, now);
            return first.Message;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordRecipientEffectAsync(string conversationKey, RecipientEffect effect, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var document = new RecipientEffectDocument { Id = $"effect-{effect}", Pk = conversationKey, Effect = effect.ToString(), Reason = reason, SetAt = now };
        await container.UpsertItemAsync(document, new PartitionKey(conversationKey), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        // Only conversations with a pending head have any pending reply; their replies are counted here, in code.
        var query = new QueryDefinition("SELECT VALUE c.outbox FROM c WHERE c.type = @type AND c.headReadyAtMs >= 0")
            .WithParameter("@type", ConversationDocument.DocumentType);
        var outboxes = await container.QueryListAsync<List<ReplyRecord>>(query, null, cancellationToken).ConfigureAwait(false);
        return outboxes.Sum(replies => replies.Count(r => r.Status == OutboxStatus.Pending));
    }

    public async Task<IReadOnlyList<OutboxItem>> ListAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var conversation = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
        var archived = await container.QueryListAsync<ArchivedReplyDocument>(
            new QueryDefinition("SELECT * FROM c WHERE c.type = @type").WithParameter("@type", ArchivedReplyDocument.DocumentType),
            conversationKey, cancellationToken).ConfigureAwait(false);
        var current = conversation?.Document.Outbox ?? [];
        var lastInbound = conversation?.Document.State.LastInboundAt;

        // A reply may sit in both places for a moment while it is archived: the conversation's copy is the current one.
        return current.Concat(archived.Select(a => a.Reply).Where(r => current.All(c => c.Id != r.Id)))
            .OrderBy(r => r.Id).Select(r => r.ToItem(lastInbound)).ToList();
    }

    private async Task<OutboxItem?> ApplyToArchiveAsync(Container container, DeliveryStatus status, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.reply.channelMessageId = @m")
            .WithParameter("@type", ArchivedReplyDocument.DocumentType).WithParameter("@m", status.ChannelMessageId);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if ((await container.QueryListAsync<ArchivedReplyDocument>(query, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault() is not { } archived)
            {
                return null;
            }

            var etag = archived.ETag;
            archived.ETag = null;
            archived.Reply.ApplyReceipt(status);
            try
            {
                await container.ReplaceItemAsync(archived, archived.Id, new PartitionKey(archived.Pk), new ItemRequestOptions { IfMatchEtag = etag },
                    cancellationToken).ConfigureAwait(false);
                var conversation = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, archived.Pk, cancellationToken).ConfigureAwait(false);
                return archived.Reply.ToItem(conversation?.Document.State.LastInboundAt);
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed))
            {
                continue;
            }
        }

        throw new ConcurrencyConflictException("An archived reply kept changing while a receipt was applied.");
    }

    private static async Task<string?> FindPartitionAsync(Container container, QueryDefinition query, CancellationToken cancellationToken) =>
        (await container.QueryListAsync<string>(query, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Applies <paramref name="change"/> to the reply if it is in its conversation's document; returns that conversation's key when written.</summary>
    private async Task<string?> UpdateReplyAsync(long id, Func<ReplyRecord, bool> change, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT VALUE c.pk FROM c JOIN o IN c.outbox WHERE c.type = @type AND o.id = @id")
            .WithParameter("@type", ConversationDocument.DocumentType).WithParameter("@id", id);
        if ((storage.Hints.ForReply(id) ?? await FindPartitionAsync(container, query, cancellationToken).ConfigureAwait(false)) is not { } key)
        {
            return null;
        }

        var written = await UpdateConversationAsync(container, key,
            document => document.Outbox.FirstOrDefault(r => r.Id == id) is { } reply && change(reply) ? reply : null,
            cancellationToken).ConfigureAwait(false);
        return written is null ? null : key;
    }

    /// <summary>
    /// Reads the conversation's document, applies <paramref name="change"/> (null = nothing to write) and replaces it
    /// under its ETag, again from a fresh read when another writer got there first.
    /// </summary>
    private async Task<T?> UpdateConversationAsync<T>(Container container, string conversationKey, Func<ConversationDocument, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false) is not { } found
                || change(found.Document) is not { } result)
            {
                return null;
            }

            await CosmosConversationStore.ArchiveAsync(container, found.Document, cancellationToken).ConfigureAwait(false);
            if (await TryReplaceAsync(container, found.Document, found.ETag, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }
        }

        CosmosStorageLog.UpdateGaveUp(logger, LogIds.Hash(conversationKey), MaxWriteAttempts);
        throw new ConcurrencyConflictException("The conversation kept changing while its outbox was updated.");
    }

    private static async Task<bool> TryReplaceAsync(Container container, ConversationDocument document, string? etag, CancellationToken cancellationToken)
    {
        document.Refresh();
        try
        {
            await container.ReplaceItemAsync(document, document.Id, new PartitionKey(document.Pk), new ItemRequestOptions { IfMatchEtag = etag },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.NotFound))
        {
            return false;
        }
    }
}
