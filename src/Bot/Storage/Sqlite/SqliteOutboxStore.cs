using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>The durable outbox in SQLite. Rows are added by the conversation store's turn commit.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string Columns =
        "o.id, o.recipient, o.message, o.locale, o.status, o.attempts, o.created_at, c.last_inbound_at, o.channel_message_id, o.delivery_state, o.error_code, o.reason, o.inbound_dedupe_key, o.trace_parent";

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(string workerId, int maxItems, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<OutboxItem>>((connection, transaction) =>
        {
            var nowMs = now.ToUnixMs();
            using var select = connection.Command(
                $"""
                SELECT {Columns} FROM outbox o LEFT JOIN conversations c ON c.conversation_key = o.conversation_key
                WHERE o.status = 0 AND o.head = 1 AND o.next_attempt_at <= $now AND (o.lease_until IS NULL OR o.lease_until < $now)
                ORDER BY o.next_attempt_at, o.id LIMIT $max
                """, transaction).With("$now", nowMs).With("$max", maxItems);
            var items = ReadItems(select);
            connection.Lease(transaction, "outbox", "id", items.Select(i => i.Id), workerId, now + leaseFor);

            return items;
        }, cancellationToken);

    public Task<int> ReleaseClaimsAsync(string workerId, CancellationToken cancellationToken) =>
        Execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE status = 0 AND lease_owner = $me", cancellationToken, ("$me", workerId));

    public Task MarkSentAsync(long id, string channelMessageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Execute(
            "UPDATE outbox SET status = 1, channel_message_id = $m, attempts = attempts + 1, sent_at = $now, updated_at = $now, lease_owner = NULL, lease_until = NULL, reason = NULL, error_code = NULL WHERE id = $id",
            cancellationToken, ("$id", id), ("$m", channelMessageId), ("$now", now.ToUnixMs()));

    public Task ScheduleRetryAsync(long id, DateTimeOffset nextAttemptAt, string reason, string? errorCode, CancellationToken cancellationToken) =>
        Execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $next, reason = $r, error_code = $c, updated_at = $next, lease_owner = NULL, lease_until = NULL WHERE id = $id AND status = 0",
            cancellationToken, ("$id", id), ("$next", nextAttemptAt.ToUnixMs()), ("$r", reason), ("$c", errorCode));

    public Task MarkStoppedAsync(long id, OutboxStatus status, string reason, string? errorCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        Execute(
            "UPDATE outbox SET status = $s, attempts = attempts + 1, reason = $r, error_code = $c, updated_at = $now, lease_owner = NULL, lease_until = NULL WHERE id = $id AND status = 0",
            cancellationToken, ("$id", id), ("$s", (int)status), ("$r", reason), ("$c", errorCode), ("$now", now.ToUnixMs()));

    public Task<OutboxItem?> ApplyDeliveryStatusAsync(DeliveryStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command(
                """
                UPDATE outbox SET delivery_state = MAX(COALESCE(delivery_state, 0), $state), updated_at = $now,
                  error_code = CASE WHEN $state = 4 THEN $code ELSE error_code END,
                  reason = CASE WHEN $state = 4 THEN $reason ELSE reason END
                WHERE channel_message_id = $m
                """, transaction).With("$state", (int)status.State).With("$now", now.ToUnixMs()).With("$m", status.ChannelMessageId)
                .With("$code", status.ErrorCode).With("$reason", status.ErrorMessage);
            if (update.ExecuteNonQuery() == 0)
            {
                return null;
            }

            using var select = connection.Command(
                $"SELECT {Columns} FROM outbox o LEFT JOIN conversations c ON c.conversation_key = o.conversation_key WHERE o.channel_message_id = $m",
                transaction).With("$m", status.ChannelMessageId);
            return ReadItems(select).FirstOrDefault();
        }, cancellationToken);

    public Task<OutboundMessage?> TryClaimPassiveReplyAsync(string inboundDedupeKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var claim = connection.Command(
                """
                UPDATE outbox SET status = 4, sent_at = $now, updated_at = $now
                WHERE id = (SELECT MIN(f.id) FROM outbox f WHERE f.inbound_dedupe_key = $k AND f.status = 0)
                  AND status = 0 AND (lease_until IS NULL OR lease_until < $now)
                  AND id = (SELECT MIN(p.id) FROM outbox p WHERE p.conversation_key = outbox.conversation_key AND p.status = 0)
                RETURNING message
                """, transaction).With("$k", inboundDedupeKey).With("$now", now.ToUnixMs());
            return claim.ExecuteScalar() is string json ? StoreJson.Deserialize<OutboundMessage>(json) : null;
        }, cancellationToken);

    public Task RecordRecipientEffectAsync(string conversationKey, RecipientEffect effect, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO recipient_flags (conversation_key, effect, reason, set_at) VALUES ($k, $e, $r, $now) ON CONFLICT DO UPDATE SET reason = $r, set_at = $now",
            cancellationToken, ("$k", conversationKey), ("$e", effect.ToString()), ("$r", reason), ("$now", now.ToUnixMs()));

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var count = connection.Command("SELECT COUNT(*) FROM outbox WHERE status = 0");
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ListAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxItem>>(connection =>
        {
            using var select = connection.Command(
                $"SELECT {Columns} FROM outbox o LEFT JOIN conversations c ON c.conversation_key = o.conversation_key WHERE o.conversation_key = $k ORDER BY o.id")
                .With("$k", conversationKey);
            return ReadItems(select);
        }, cancellationToken);

    /// <summary>Adds a turn's replies inside the turn's transaction.</summary>
    internal static void Insert(SqliteConnection connection, SqliteTransaction transaction, string conversationKey, IReadOnlyList<OutboundRecord> records, long nowMs)
    {
        if (records.Count == 0)
        {
            return;
        }

        using var insert = connection.Command(
            """
            INSERT INTO outbox (conversation_key, recipient, message, locale, inbound_dedupe_key, created_at, next_attempt_at, updated_at, trace_parent)
            VALUES ($k, $to, $m, $l, $d, $created, $next, $now, $trace)
            """, transaction).With("$k", conversationKey).With("$now", nowMs);
        var to = insert.Parameters.Add("$to", SqliteType.Text);
        var message = insert.Parameters.Add("$m", SqliteType.Text);
        var locale = insert.Parameters.Add("$l", SqliteType.Text);
        var dedupe = insert.Parameters.Add("$d", SqliteType.Text);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        var next = insert.Parameters.Add("$next", SqliteType.Integer);
        var trace = insert.Parameters.Add("$trace", SqliteType.Text);
        foreach (var record in records)
        {
            to.Value = StoreJson.Serialize(record.To);
            message.Value = StoreJson.Serialize(record.Message);
            locale.Value = record.Locale;
            dedupe.Value = (object?)record.InboundDedupeKey ?? DBNull.Value;
            created.Value = record.CreatedAt.ToUnixMs();
            next.Value = (record.NotBefore ?? record.CreatedAt).ToUnixMs();
            trace.Value = (object?)record.TraceParent ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static List<OutboxItem> ReadItems(SqliteCommand select)
    {
        var items = new List<OutboxItem>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            items.Add(new OutboxItem(
                reader.GetInt64(0),
                StoreJson.Deserialize<ConversationRef>(reader.GetString(1)),
                StoreJson.Deserialize<OutboundMessage>(reader.GetString(2)),
                reader.GetString(3),
                (OutboxStatus)reader.GetInt32(4),
                reader.GetInt32(5),
                SqliteCommandExtensions.FromUnixMs(reader.GetInt64(6)),
                reader.NullableTime(7),
                reader.NullableString(8),
                reader.IsDBNull(9) ? null : (DeliveryState)reader.GetInt32(9),
                reader.NullableString(10),
                reader.NullableString(11),
                reader.NullableString(12),
                reader.NullableString(13)));
        }

        return items;
    }

    private Task<int> Execute(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(sql, transaction);
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }

            return command.ExecuteNonQuery();
        }, cancellationToken);
}
