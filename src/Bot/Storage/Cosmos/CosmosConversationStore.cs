using System.Net;
using LibraryBot.Bot.Engine;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// Conversation state in Cosmos DB. A turn commits with ONE conditional write of the conversation's document (state,
/// new replies, and the consumed inbox entry's sequence); the inbox entry is marked afterwards, idempotently, and a
/// claim finishes that marking if the process stopped in between, so a turn never runs twice.
/// </summary>
public sealed class CosmosConversationStore(CosmosStorage storage, CosmosSequence sequence, TimeProvider clock) : IConversationStore
{
    public async Task<ConversationSnapshot?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false) is { } found
            ? new ConversationSnapshot(conversationKey, found.Document.State, found.ETag)
            : null;
    }

    public async Task<IReadOnlyDictionary<string, ConversationSnapshot>> LoadManyAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken)
    {
        var snapshots = new Dictionary<string, ConversationSnapshot>(StringComparer.Ordinal);
        var items = conversationKeys.Distinct(StringComparer.Ordinal).Select(k => (ConversationDocument.DocumentId, new PartitionKey(k))).ToList();
        if (items.Count == 0)
        {
            return snapshots;
        }

        // One ReadMany per batch instead of a point read per conversation; absent documents are simply not returned.
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var found = await container.ReadManyItemsAsync<ConversationDocument>(items, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var document in found)
        {
            snapshots[document.Pk] = new ConversationSnapshot(document.Pk, document.State, document.ETag!);
        }

        return snapshots;
    }

    public async Task<string> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var key = commit.ConversationKey;
        InboxDocument? entry = null;
        if (commit.InboxSequence is { } consumed)
        {
            entry = await CosmosInboxStore.FindAsync(container, consumed, key, cancellationToken).ConfigureAwait(false);
            if (entry is not { Done: false })
            {
                throw new ConcurrencyConflictException("The inbox entry was already consumed.");
            }
        }

        var document = await LoadForCommitAsync(container, commit, cancellationToken).ConfigureAwait(false);
        if (entry is not null)
        {
            if (document.Consumed.Contains(entry.Seq))
            {
                throw new ConcurrencyConflictException("The inbox entry was already consumed.");
            }

            document.RememberConsumed(entry.Seq);
        }

        document.State = commit.State;
        if (commit.Outbound.Count > 0)
        {
            var id = await sequence.ReserveAsync(CosmosSequence.Outbox, commit.Outbound.Count, cancellationToken).ConfigureAwait(false);
            document.Outbox.AddRange(commit.Outbound.Select(record => ReplyRecord.From(id++, record)));
        }

        await ArchiveAsync(container, document, cancellationToken).ConfigureAwait(false);
        var etag = await WriteAsync(container, document, commit.ExpectedETag, cancellationToken).ConfigureAwait(false);
        if (entry is not null)
        {
            await CosmosInboxStore.MarkDoneAsync(container, entry, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return etag;
    }

    public async Task EraseAsync(string conversationKey, ConversationState residue, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        while (await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false) is { } found)
        {
            // The residue replaces the state; pending replies (the confirmation) stay in the document; finished ones go.
            var document = found.Document;
            document.State = residue;
            document.Outbox.RemoveAll(r => r.Status != OutboxStatus.Pending);
            try
            {
                await WriteAsync(container, document, found.ETag, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ConcurrencyConflictException)
            {
                // A turn committed meanwhile: erase again from what it wrote.
            }
        }

        var others = await container.QueryListAsync<PartitionEntry>(
            new QueryDefinition("SELECT c.id, c.type, c.done FROM c WHERE c.type = @reply OR (c.type = @inbox AND c.done = true)")
                .WithParameter("@reply", ArchivedReplyDocument.DocumentType).WithParameter("@inbox", InboxDocument.DocumentType),
            conversationKey, cancellationToken).ConfigureAwait(false);
        foreach (var entry in others)
        {
            try
            {
                await container.DeleteItemAsync<object>(entry.Id, new PartitionKey(conversationKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
            {
                // Already gone (a concurrent erasure or an entry's expiry).
            }
        }
    }

    private sealed record PartitionEntry(string Id, string? Type, bool? Done);

    /// <summary>Moves finished replies beyond what the document keeps into archive documents (written first, so none is lost).</summary>
    internal static async Task ArchiveAsync(Container container, ConversationDocument document, CancellationToken cancellationToken)
    {
        foreach (var reply in document.TakeArchivable())
        {
            await container.UpsertItemAsync(ArchivedReplyDocument.For(document.Pk, reply), new PartitionKey(document.Pk),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ConversationDocument> LoadForCommitAsync(Container container, TurnCommit commit, CancellationToken cancellationToken)
    {
        if (commit.ExpectedETag is null)
        {
            return new ConversationDocument { Pk = commit.ConversationKey, State = commit.State };
        }

        var current = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, commit.ConversationKey, cancellationToken).ConfigureAwait(false);
        return current is { } found && found.ETag == commit.ExpectedETag
            ? found.Document
            : throw new ConcurrencyConflictException("The conversation changed since it was loaded.");
    }

    private static async Task<string> WriteAsync(Container container, ConversationDocument document, string? expectedETag, CancellationToken cancellationToken)
    {
        document.Refresh();
        var partition = new PartitionKey(document.Pk);
        try
        {
            var response = expectedETag is null
                ? await container.CreateItemAsync(document, partition, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await container.ReplaceItemAsync(document, document.Id, partition, new ItemRequestOptions { IfMatchEtag = expectedETag }, cancellationToken).ConfigureAwait(false);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict) || ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.NotFound))
        {
            throw new ConcurrencyConflictException(expectedETag is null
                ? "The conversation was created by another turn."
                : "The conversation changed since it was loaded.");
        }
    }
}
