using System.Globalization;
using LibraryBot.Bot.Engine;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>Conversation state as a JSON row with an integer version; a turn's commit also adds its replies and consumes its inbox entry.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, TimeProvider clock) : IConversationStore
{
    public Task<ConversationSnapshot?> LoadAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command("SELECT version, state_json FROM conversations WHERE conversation_key = $k")
                .With("$k", conversationKey);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var state = StoreJson.Deserialize<ConversationState>(reader.GetString(1));
            return new ConversationSnapshot(conversationKey, state, reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, ConversationSnapshot>> LoadManyAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command(
                "SELECT conversation_key, version, state_json FROM conversations WHERE conversation_key IN (SELECT value FROM json_each($keys))")
                .With("$keys", StoreJson.Serialize(conversationKeys));
            using var reader = command.ExecuteReader();
            var snapshots = new Dictionary<string, ConversationSnapshot>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var key = reader.GetString(0);
                snapshots[key] = new ConversationSnapshot(key, StoreJson.Deserialize<ConversationState>(reader.GetString(2)),
                    reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            }

            return (IReadOnlyDictionary<string, ConversationSnapshot>)snapshots;
        }, cancellationToken);

    public Task<string> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var stateJson = StoreJson.Serialize(commit.State);
        var now = clock.GetUtcNow().ToUnixMs();
        return database.WriteAsync((connection, transaction) =>
        {
            long newVersion;
            if (commit.ExpectedETag is null)
            {
                using var insert = connection.Command(
                    "INSERT INTO conversations (conversation_key, version, state_json, last_inbound_at, updated_at) VALUES ($k, 1, $s, $l, $now) ON CONFLICT DO NOTHING",
                    transaction);
                insert.With("$k", commit.ConversationKey).With("$s", stateJson).With("$l", commit.State.LastInboundAt?.ToUnixMs()).With("$now", now);
                if (insert.ExecuteNonQuery() == 0)
                {
                    throw new ConcurrencyConflictException("The conversation was created by another turn.");
                }

                newVersion = 1;
            }
            else
            {
                var expected = long.Parse(commit.ExpectedETag, CultureInfo.InvariantCulture);
                using var update = connection.Command(
                    "UPDATE conversations SET version = version + 1, state_json = $s, last_inbound_at = $l, updated_at = $now WHERE conversation_key = $k AND version = $v",
                    transaction);
                update.With("$k", commit.ConversationKey).With("$s", stateJson).With("$l", commit.State.LastInboundAt?.ToUnixMs())
                    .With("$now", now).With("$v", expected);
                if (update.ExecuteNonQuery() == 0)
                {
                    throw new ConcurrencyConflictException("The conversation changed since it was loaded.");
                }

                newVersion = expected + 1;
            }

            if (commit.InboxSequence is { } sequence && !SqliteInboxStore.Complete(connection, transaction, sequence, now))
            {
                throw new ConcurrencyConflictException("The inbox entry was already consumed.");
            }

            SqliteOutboxStore.Insert(connection, transaction, commit.ConversationKey, commit.Outbound, now);
            return newVersion.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <summary>Replaces the state with the residue, deletes the replies already sent or stopped and the consumed inbox entries (pending replies still go out).</summary>
    public Task EraseAsync(string conversationKey, ConversationState residue, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                """
                UPDATE conversations SET state_json = $s, last_inbound_at = $l, version = version + 1 WHERE conversation_key = $k;
                DELETE FROM outbox WHERE conversation_key = $k AND status <> 0;
                DELETE FROM inbox WHERE conversation_key = $k AND status = 1;
                """, transaction)
                .With("$k", conversationKey).With("$s", StoreJson.Serialize(residue)).With("$l", residue.LastInboundAt?.ToUnixMs());
            return command.ExecuteNonQuery();
        }, cancellationToken);
}
