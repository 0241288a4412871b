using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;

namespace LibraryBot.Bot.Handoff;

/// <summary>Reads the queue straight from the conversations' state (no second copy to keep in step).</summary>
public sealed class SqliteHandoffQueue(SqliteDatabase database) : IHandoffQueue
{
    public Task<IReadOnlyList<QueueItem>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<QueueItem>>(connection =>
        {
            using var command = connection.Command(
                """
                SELECT conversation_key, state_json FROM conversations
                WHERE json_extract(state_json, '$.escalation') IS NOT NULL OR json_extract(state_json, '$.handoffOwner') IS NOT NULL
                """);
            using var reader = command.ExecuteReader();
            var items = new List<QueueItem>();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (!ConversationIds.TryParseRef(key, out var conversation))
                {
                    continue;
                }

                items.Add(QueueItem.FromState(key, conversation, StoreJson.Deserialize<ConversationState>(reader.GetString(1))));
            }

            return items.OrderBy(i => i.RequestedAt ?? DateTimeOffset.MaxValue).ToList();
        }, cancellationToken);
}
