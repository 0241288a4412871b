using System.Net;
using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Transcripts and ratings in Cosmos DB, in their conversation's partition (docs/storage.md, "The console"). Lines are
/// numbered by a counter in that partition (one patch reserves a turn's numbers), so every read of a conversation is a
/// single-partition query. Only the retention sweep, a background job, crosses partitions.
/// </summary>
public sealed class CosmosTranscriptStore(CosmosStorage storage, CosmosSequence sequence) : ITranscriptStore
{
    /// <summary>The id of the line counter in each conversation's partition.</summary>
    internal const string LineCounter = "transcript-seq";

    private const string Select = "SELECT * FROM c WHERE c.type = @type";

    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        foreach (var conversation in entries.GroupBy(e => e.ConversationKey, StringComparer.Ordinal))
        {
            var lines = conversation.ToList();
            var first = await sequence.ReserveAsync(LineCounter, conversation.Key, lines.Count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < lines.Count; i++)
            {
                var e = lines[i];
                var document = new TranscriptDocument
                {
                    Id = TranscriptDocument.IdFor(e.EntryKey),
                    Pk = e.ConversationKey,
                    Seq = first + i,
                    EntryKey = e.EntryKey,
                    AtMs = e.At.ToUnixTimeMilliseconds(),
                    Author = e.Author,
                    Staff = e.Staff,
                    Text = e.Text,
                    MaskedText = e.MaskedText,
                };
                try
                {
                    await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
                {
                    // Written by an earlier try of the same turn: its number stays, this one is skipped.
                }
            }
        }
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, long afterId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition($"{Select} AND c.seq > @after ORDER BY c.seq").WithParameter("@after", afterId);
        return (await QueryAsync(query, conversationKey, cancellationToken).ConfigureAwait(false)).Select(d => d.ToEntry()).ToList();
    }

    public async Task<TranscriptEntry?> FindLastAsync(string conversationKey, string entryKeyPrefix, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition($"{Select} AND STARTSWITH(c.entryKey, @prefix) ORDER BY c.seq DESC").WithParameter("@prefix", entryKeyPrefix);
        return (await QueryAsync(query, conversationKey, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.ToEntry();
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ListPatronLinesBeforeAsync(string conversationKey, long beforeId, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var query = new QueryDefinition($"SELECT TOP {max} * FROM c WHERE c.type = @type AND c.seq < @before AND c.author = @author ORDER BY c.seq DESC")
            .WithParameter("@before", beforeId).WithParameter("@author", nameof(TranscriptAuthor.Patron));
        var newestFirst = await QueryAsync(query, conversationKey, cancellationToken).ConfigureAwait(false);
        return newestFirst.Take(max).Reverse().Select(d => d.ToEntry()).ToList();
    }

    /// <summary>Deletes the conversation's lines and ratings (its line counter stays, so numbers never repeat).</summary>
    public async Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT c.id FROM c WHERE c.type = @transcript OR c.type = @rating")
            .WithParameter("@transcript", TranscriptDocument.DocumentType).WithParameter("@rating", RatingDocument.DocumentType);
        foreach (var row in await container.QueryListAsync<IdRow>(query, conversationKey, cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteIfPresentAsync(row.Id, conversationKey, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Across partitions, page by page: the daily retention job, never on a turn.</summary>
    public async Task<(int Deleted, int Masked)> SweepAsync(DateTimeOffset deleteBefore, DateTimeOffset maskBefore, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var expired = new QueryDefinition("SELECT c.id, c.pk, c.type FROM c WHERE (c.type = @transcript OR c.type = @rating) AND c.atMs < @before")
            .WithParameter("@transcript", TranscriptDocument.DocumentType).WithParameter("@rating", RatingDocument.DocumentType)
            .WithParameter("@before", deleteBefore.ToUnixTimeMilliseconds());
        var deleted = 0;
        foreach (var row in await container.QueryListAsync<SweepRow>(expired, null, cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteIfPresentAsync(row.Id, row.Pk, null, cancellationToken).ConfigureAwait(false);
            deleted += row.Type == TranscriptDocument.DocumentType ? 1 : 0;
        }

        var unmasked = new QueryDefinition("SELECT c.id, c.pk, c.maskedText FROM c WHERE c.type = @transcript AND c.masked = false AND c.atMs < @before")
            .WithParameter("@transcript", TranscriptDocument.DocumentType).WithParameter("@before", maskBefore.ToUnixTimeMilliseconds());
        var masked = 0;
        foreach (var row in await container.QueryListAsync<MaskRow>(unmasked, null, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await container.PatchItemAsync<object>(row.Id, new PartitionKey(row.Pk),
                    [PatchOperation.Set("/text", row.MaskedText), PatchOperation.Set("/masked", true)], cancellationToken: cancellationToken).ConfigureAwait(false);
                masked++;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
            {
                // Erased meanwhile.
            }
        }

        return (deleted, masked);
    }

    public async Task AddRatingAsync(string conversationKey, string? staff, int rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var document = new RatingDocument
        {
            Id = "rating-" + Guid.NewGuid().ToString("N"),
            Pk = conversationKey,
            Staff = staff,
            Rating = rating,
            Comment = comment,
            AtMs = at.ToUnixTimeMilliseconds(),
        };
        await container.CreateItemAsync(document, new PartitionKey(conversationKey), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TranscriptDocument>> QueryAsync(QueryDefinition query, string conversationKey, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return await container.QueryListAsync<TranscriptDocument>(query.WithParameter("@type", TranscriptDocument.DocumentType), conversationKey, cancellationToken)
            .ConfigureAwait(false);
    }

    private sealed record IdRow(string Id);

    private sealed record SweepRow(string Id, string Pk, string Type);

    private sealed record MaskRow(string Id, string Pk, string MaskedText);
}
