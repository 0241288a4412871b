using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Reads the queue from the conversation documents' state (no second copy to keep in step): a query across partitions,
/// paged, for the console's queue view only — never on a patron's turn (docs/storage.md, "The console").
/// </summary>
public sealed class CosmosHandoffQueue(CosmosStorage storage) : IHandoffQueue
{
    private const string Waiting =
        "((IS_DEFINED(c.state.escalation) AND NOT IS_NULL(c.state.escalation)) OR (IS_DEFINED(c.state.handoffOwner) AND NOT IS_NULL(c.state.handoffOwner)))";

    public async Task<IReadOnlyList<QueueItem>> ListAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition($"SELECT c.pk, c.state FROM c WHERE c.type = @type AND {Waiting}")
            .WithParameter("@type", ConversationDocument.DocumentType);
        var items = new List<QueueItem>();
        await foreach (var row in container.QueryAsync<ConversationStateRow>(query, null, cancellationToken).ConfigureAwait(false))
        {
            if (ConversationIds.TryParseRef(row.Pk, out var conversation))
            {
                items.Add(QueueItem.FromState(row.Pk, conversation, row.State));
            }
        }

        return items.OrderBy(i => i.RequestedAt ?? DateTimeOffset.MaxValue).ToList();
    }
}
