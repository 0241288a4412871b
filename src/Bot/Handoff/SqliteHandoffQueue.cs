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

                var state = StoreJson.Deserialize<ConversationState>(reader.GetString(1));
                var escalation = state.Escalation;
                items.Add(new QueueItem(ConversationIds.Encode(key), conversation.Channel, escalation?.Locale ?? state.Locale ?? BotLocales.Default,
                    escalation?.Reason, escalation?.Detail, escalation?.RequestedAt, state.HandoffOwner, state.LastInboundAt));
            }

            return items.OrderBy(i => i.RequestedAt ?? DateTimeOffset.MaxValue).ToList();
        }, cancellationToken);
}
