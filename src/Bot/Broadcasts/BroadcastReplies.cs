using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The first reply of each recipient's turn in Cosmos DB: from the chat's conversation document (a point read per chat),
/// or, once archived, from the chat's archived replies (a query in the chat's partition).
/// </summary>
internal static class BroadcastReplies
{
    private const int Parallelism = 8;

    public static async Task<IReadOnlyDictionary<string, ReplyRecord>> FindAsync(Container container, string broadcastId, IReadOnlyList<string> conversationKeys, CancellationToken cancellationToken)
    {
        var replies = new ReplyRecord?[conversationKeys.Count];
        await Parallel.ForAsync(0, conversationKeys.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => replies[i] = await FindOneAsync(container, conversationKeys[i], BroadcastKeys.DedupeKey(broadcastId, conversationKeys[i]), ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        var found = new Dictionary<string, ReplyRecord>(StringComparer.Ordinal);
        for (var i = 0; i < replies.Length; i++)
        {
            if (replies[i] is { } reply)
            {
                found[conversationKeys[i]] = reply;
            }
        }

        return found;
    }

    private static async Task<ReplyRecord?> FindOneAsync(Container container, string conversationKey, string dedupeKey, CancellationToken cancellationToken)
    {
        var conversation = await container.ReadOrNullAsync<ConversationDocument>(ConversationDocument.DocumentId, conversationKey, cancellationToken).ConfigureAwait(false);
        var archived = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.reply.inboundDedupeKey = @key")
            .WithParameter("@type", ArchivedReplyDocument.DocumentType).WithParameter("@key", dedupeKey);

        // The turn's replies are consecutive: when the document still holds one, the first may have been archived already.
        var inDocument = conversation?.Document.Outbox.Where(r => r.InboundDedupeKey == dedupeKey).MinBy(r => r.Id);
        var oldestKept = conversation?.Document.Outbox.FirstOrDefault();
        if (inDocument is not null && !ReferenceEquals(inDocument, oldestKept))
        {
            return inDocument;
        }

        var archivedFirst = (await container.QueryListAsync<ArchivedReplyDocument>(archived, conversationKey, cancellationToken).ConfigureAwait(false))
            .Select(a => a.Reply).MinBy(r => r.Id);
        return archivedFirst is not null && (inDocument is null || archivedFirst.Id < inDocument.Id) ? archivedFirst : inDocument;
    }
}
