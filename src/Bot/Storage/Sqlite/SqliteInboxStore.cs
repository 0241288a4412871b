using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>The durable inbox in SQLite: unique on dedupe key, claimed by whole conversations, payload erased when consumed.</summary>
public sealed class SqliteInboxStore(SqliteDatabase database) : IInboxStore
{
    public Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<Activity> activities, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<bool>>((connection, transaction) =>
        {
            using var insert = connection.Command(
                "INSERT INTO inbox (dedupe_key, conversation_key, received_at, payload) VALUES ($d, $c, $r, $p) ON CONFLICT(dedupe_key) DO NOTHING",
                transaction);
            var dedupe = insert.Parameters.Add("$d", SqliteType.Text);
            var conversation = insert.Parameters.Add("$c", SqliteType.Text);
            var payload = insert.Parameters.Add("$p", SqliteType.Text);
            insert.Parameters.AddWithValue("$r", receivedAt.ToUnixMs());
            var results = new bool[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                dedupe.Value = activities[i].DedupeKey;
                conversation.Value = activities[i].Conversation.Key;
                payload.Value = StoreJson.Serialize(activities[i]);
                results[i] = insert.ExecuteNonQuery() == 1;
            }

            return results;
        }, cancellationToken);

    public Task<IReadOnlyList<InboxEntry>> ClaimPendingAsync(string workerId, long afterSequence, int maxEntries, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<InboxEntry>>((connection, transaction) =>
        {
            var nowMs = now.ToUnixMs();
            using var select = connection.Command(
                """
                SELECT i.seq, i.received_at, i.payload FROM inbox i
                WHERE i.status = 0 AND i.seq > $after AND (i.lease_until IS NULL OR i.lease_until < $now OR i.lease_owner = $me)
                  AND NOT EXISTS (SELECT 1 FROM inbox o WHERE o.conversation_key = i.conversation_key AND o.status = 0
                                  AND ((o.lease_owner <> $me AND o.lease_until >= $now)
                                       OR (o.seq <= $after AND (o.lease_owner IS NULL OR o.lease_owner <> $me))))
                ORDER BY i.seq LIMIT $max
                """, transaction).With("$now", nowMs).With("$me", workerId).With("$max", maxEntries).With("$after", afterSequence);
            var entries = new List<InboxEntry>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    entries.Add(new InboxEntry(reader.GetInt64(0), SqliteCommandExtensions.FromUnixMs(reader.GetInt64(1)),
                        StoreJson.Deserialize<Activity>(reader.GetString(2))));
                }
            }

            connection.Lease(transaction, "inbox", "seq", entries.Select(e => e.Sequence), workerId, now + leaseFor);

            return entries;
        }, cancellationToken);

    public Task RenewClaimsAsync(string workerId, IReadOnlyCollection<InboxEntry> entries, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var renew = connection.Command("UPDATE inbox SET lease_until = $until WHERE seq = $seq AND status = 0 AND lease_owner = $me", transaction)
                .With("$me", workerId).With("$until", until.ToUnixMs());
            var seq = renew.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var entry in entries)
            {
                seq.Value = entry.Sequence;
                renew.ExecuteNonQuery();
            }

            return entries.Count;
        }, cancellationToken);

    public Task CompleteAsync(long sequence, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => Complete(connection, transaction, sequence, DateTimeOffset.UtcNow.ToUnixMs()), cancellationToken);

    public Task<bool?> IsCompletedAsync(string dedupeKey, CancellationToken cancellationToken) =>
        database.ReadAsync<bool?>(connection =>
        {
            using var command = connection.Command("SELECT status FROM inbox WHERE dedupe_key = $d").With("$d", dedupeKey);
            var status = command.ExecuteScalar();
            return status is null ? null : Convert.ToInt64(status, System.Globalization.CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command("SELECT COUNT(*) FROM inbox WHERE status = 0");
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Consumes an entry inside a caller's transaction; false when it was already consumed.</summary>
    internal static bool Complete(SqliteConnection connection, SqliteTransaction transaction, long sequence, long nowMs)
    {
        using var command = connection.Command(
            "UPDATE inbox SET status = 1, payload = NULL, completed_at = $now, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND status = 0",
            transaction).With("$seq", sequence).With("$now", nowMs);
        return command.ExecuteNonQuery() == 1;
    }
}
