using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The broadcast ledger in the bot's SQLite database (tables <c>broadcast_subscribers</c>, <c>broadcasts</c>,
/// <c>broadcast_recipients</c>, <c>broadcast_mass_sends</c> and a row of <c>leases</c>). A recipient is unique per
/// (broadcast, chat) by a unique key, and its <c>seq</c> (the row id) keeps the order recipients were added. Delivery is
/// the first outbox row of the recipient's turn (inbound dedupe key <see cref="BroadcastKeys.DedupeKey"/>).
/// </summary>
public sealed class SqliteBroadcastStore(SqliteDatabase database) : IBroadcastStore
{
    private const string LeaseName = "broadcasts-dispatch";

    private readonly SqliteLease _lease = new(database, LeaseName);
    private static readonly TimeSpan OptOutWindow = TimeSpan.FromDays(7);

    private const string RecipientColumns = "r.broadcast_id, r.conversation_key, r.channel, r.language, r.status, r.reason, r.updated_at";

    /// <summary>The first reply of the turn (aliased <c>o</c>) of a Queued recipient (aliased <c>r</c>); looked up for Queued ones only.</summary>
    private static readonly string ReplyJoin =
        $"""
        LEFT JOIN outbox o ON o.id = CASE WHEN r.status = '{RecipientStatus.Queued}'
            THEN (SELECT min(id) FROM outbox WHERE inbound_dedupe_key = $prefix || r.broadcast_id || ':' || r.conversation_key) END
        """;

    /// <summary>
    /// The statuses of a sent recipient, written exactly as in the partial index <c>ix_broadcast_recipients_sent</c> (so
    /// SQLite uses it); only sent rows are in that index, so planning an audience does not write it.
    /// </summary>
    private const string Sent = "('Queued', 'MassSend')";

    /// <summary>Pending, written exactly as in the partial index <c>ix_broadcast_recipients_pending</c>.</summary>
    private const string Pending = "'Pending'";

    public Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command("INSERT INTO broadcast_subscribers (conversation_key, since) VALUES ($k, $t) ON CONFLICT DO NOTHING", transaction)
                .With("$k", conversationKey).With("$t", now.ToUnixMs());
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task RemoveSubscriberAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM broadcast_subscribers WHERE conversation_key = $k", transaction).With("$k", conversationKey);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT conversation_key FROM broadcast_subscribers ORDER BY since, conversation_key");
            using var reader = select.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)keys;
        }, cancellationToken);

    public Task CreateAsync(Broadcast broadcast, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command(
                "INSERT INTO broadcasts (id, status, send_at, created_at, detail) VALUES ($id, $s, $at, $c, $d)", transaction)
                .With("$id", broadcast.Id).With("$s", broadcast.Status.ToString()).With("$at", broadcast.SendAt?.ToUnixMs())
                .With("$c", broadcast.CreatedAt.ToUnixMs()).With("$d", StoreJson.Serialize(broadcast));
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<Broadcast?> GetAsync(string broadcastId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Find(connection, null, broadcastId), cancellationToken);

    public Task<IReadOnlyList<Broadcast>> ListAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<Broadcast>)ReadBroadcasts(connection.Command(
            "SELECT detail FROM broadcasts ORDER BY created_at DESC, id DESC LIMIT $n").With("$n", Math.Max(0, limit))), cancellationToken);

    public Task<IReadOnlyList<Broadcast>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<Broadcast>)ReadBroadcasts(connection.Command(
            "SELECT detail FROM broadcasts WHERE status = $sending OR (status = $scheduled AND (send_at IS NULL OR send_at <= $now)) ORDER BY created_at, id")
            .With("$sending", BroadcastStatus.Sending.ToString()).With("$scheduled", BroadcastStatus.Scheduled.ToString()).With("$now", now.ToUnixMs())),
            cancellationToken);

    public Task<Broadcast?> TransitionAsync(string broadcastId, IReadOnlyCollection<BroadcastStatus> from, BroadcastStatus to, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            // The write transaction is BEGIN IMMEDIATE: no other writer (thread or process) reads between this read and the update.
            if (Find(connection, transaction, broadcastId) is not { } current || !from.Contains(current.Status))
            {
                return null;
            }

            var changed = BroadcastTransition.Apply(current, to, now);
            using var update = connection.Command("UPDATE broadcasts SET status = $s, detail = $d WHERE id = $id", transaction)
                .With("$s", changed.Status.ToString()).With("$d", StoreJson.Serialize(changed)).With("$id", broadcastId);
            update.ExecuteNonQuery();
            return changed;
        }, cancellationToken);

    public Task<int> AddRecipientsAsync(IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken) =>
        recipients.Count == 0 ? Task.FromResult(0) : database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command(
                """
                INSERT INTO broadcast_recipients (broadcast_id, conversation_key, channel, language, status, reason, updated_at)
                VALUES ($b, $k, $c, $l, $s, $r, $t) ON CONFLICT DO NOTHING
                """, transaction);
            var broadcast = insert.Parameters.Add("$b", SqliteType.Text);
            var chat = insert.Parameters.Add("$k", SqliteType.Text);
            var channel = insert.Parameters.Add("$c", SqliteType.Text);
            var language = insert.Parameters.Add("$l", SqliteType.Text);
            var status = insert.Parameters.Add("$s", SqliteType.Text);
            var reason = insert.Parameters.Add("$r", SqliteType.Text);
            var at = insert.Parameters.Add("$t", SqliteType.Integer);
            insert.Prepare();
            var added = 0;
            foreach (var recipient in recipients)
            {
                (broadcast.Value, chat.Value, channel.Value, language.Value) = (recipient.BroadcastId, recipient.ConversationKey, recipient.Channel, recipient.Language);
                (status.Value, reason.Value, at.Value) = (recipient.Status.ToString(), (object?)recipient.Reason ?? DBNull.Value, recipient.UpdatedAt.ToUnixMs());
                added += insert.ExecuteNonQuery();
            }

            return added;
        }, cancellationToken);

    public Task<IReadOnlyList<BroadcastRecipient>> PendingAsync(string broadcastId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command(
                $"SELECT {RecipientColumns} FROM broadcast_recipients r WHERE r.broadcast_id = $b AND r.status = {Pending} ORDER BY r.seq LIMIT $n")
                .With("$b", broadcastId).With("$n", Math.Max(0, limit));
            using var reader = select.ExecuteReader();
            var pending = new List<BroadcastRecipient>();
            while (reader.Read())
            {
                pending.Add(ReadRecipient(reader));
            }

            return (IReadOnlyList<BroadcastRecipient>)pending;
        }, cancellationToken);

    public Task<BroadcastRecipient?> FindRecipientAsync(string broadcastId, string conversationKey, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command($"SELECT {RecipientColumns} FROM broadcast_recipients r WHERE r.broadcast_id = $b AND r.conversation_key = $k")
                .With("$b", broadcastId).With("$k", conversationKey);
            using var reader = select.ExecuteReader();
            return reader.Read() ? ReadRecipient(reader) : null;
        }, cancellationToken);

    public Task MarkAsync(string broadcastId, IReadOnlyCollection<string> conversationKeys, RecipientStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        conversationKeys.Count == 0 ? Task.CompletedTask : database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command(
                "UPDATE broadcast_recipients SET status = $s, reason = $r, updated_at = $t WHERE broadcast_id = $b AND conversation_key = $k", transaction)
                .With("$s", status.ToString()).With("$r", reason).With("$t", now.ToUnixMs()).With("$b", broadcastId);
            var chat = update.Parameters.Add("$k", SqliteType.Text);
            update.Prepare();
            var marked = 0;
            foreach (var key in conversationKeys)
            {
                chat.Value = key;
                marked += update.ExecuteNonQuery();
            }

            return marked;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> SentSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken) =>
        conversationKeys.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>()) : database.ReadAsync(connection =>
        {
            using var count = connection.Command(
                $"""
                SELECT conversation_key, count(*) FROM broadcast_recipients
                WHERE conversation_key IN (SELECT value FROM json_each($keys)) AND updated_at >= $t AND status IN {Sent}
                GROUP BY conversation_key
                """)
                .With("$keys", StoreJson.Serialize(conversationKeys)).With("$t", since.ToUnixMs());
            using var reader = count.ExecuteReader();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return (IReadOnlyDictionary<string, int>)counts;
        }, cancellationToken);

    public Task MarkOptedOutAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command(
                $"""
                UPDATE broadcast_recipients SET opted_out_at = $now
                WHERE conversation_key = $k AND updated_at >= $from AND updated_at <= $now AND status IN {Sent} AND opted_out_at IS NULL
                """, transaction)
                .With("$k", conversationKey).With("$now", now.ToUnixMs()).With("$from", (now - OptOutWindow).ToUnixMs());
            return update.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<RecipientDelivery>> RecipientsAsync(string broadcastId, RecipientStatus? status, int offset, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command(
                $"""
                SELECT {RecipientColumns}, o.status, o.delivery_state, o.error_code, o.reason
                FROM broadcast_recipients r {ReplyJoin}
                WHERE r.broadcast_id = $b AND ($s IS NULL OR r.status = $s)
                ORDER BY r.seq LIMIT $n OFFSET $o
                """)
                .With("$prefix", BroadcastKeys.DedupePrefix).With("$b", broadcastId).With("$s", status?.ToString())
                .With("$n", Math.Max(0, limit)).With("$o", Math.Max(0, offset));
            using var reader = select.ExecuteReader();
            var recipients = new List<RecipientDelivery>();
            while (reader.Read())
            {
                var reply = reader.IsDBNull(7) ? (OutboxStatus?)null : (OutboxStatus)reader.GetInt32(7);
                var receipt = reader.IsDBNull(8) ? (DeliveryState?)null : (DeliveryState)reader.GetInt32(8);
                var failed = BroadcastFunnelTally.Failed(reply, receipt);
                recipients.Add(new RecipientDelivery(ReadRecipient(reader), reply,
                    failed ? reader.NullableString(9) : null, failed ? reader.NullableString(10) : null, receipt));
            }

            return (IReadOnlyList<RecipientDelivery>)recipients;
        }, cancellationToken);

    public Task<BroadcastFunnel> FunnelAsync(string broadcastId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            var tally = new BroadcastFunnelTally();
            using (var select = connection.Command(
                $"""
                SELECT r.status, r.reason, r.opted_out_at IS NOT NULL, o.status, o.delivery_state, o.error_code
                FROM broadcast_recipients r {ReplyJoin}
                WHERE r.broadcast_id = $b
                """)
                .With("$prefix", BroadcastKeys.DedupePrefix).With("$b", broadcastId))
            {
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var replied = !reader.IsDBNull(3);
                    tally.Add(Enum.Parse<RecipientStatus>(reader.GetString(0)), reader.NullableString(1), reader.GetBoolean(2),
                        replied ? (OutboxStatus)reader.GetInt32(3) : null,
                        replied && !reader.IsDBNull(4) ? (DeliveryState)reader.GetInt32(4) : null,
                        replied ? reader.NullableString(5) : null);
                }
            }

            foreach (var job in MassSends(connection, broadcastId))
            {
                tally.Add(job);
            }

            return tally.Funnel();
        }, cancellationToken);

    public Task AddMassSendAsync(MassSendJob job, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command(
                """
                INSERT INTO broadcast_mass_sends (broadcast_id, client_msg_id, msg_id, recipients, created_at, finish_status, sent_count, error_count, filter_count)
                VALUES ($b, $c, $m, $n, $t, $fs, $sc, $ec, $fc) ON CONFLICT DO NOTHING
                """, transaction)
                .With("$b", job.BroadcastId).With("$c", job.ClientMsgId).With("$m", job.MsgId).With("$n", job.Recipients).With("$t", job.CreatedAt.ToUnixMs())
                .With("$fs", job.FinishStatus).With("$sc", job.SentCount).With("$ec", job.ErrorCount).With("$fc", job.FilterCount);
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task SetMassSendMsgIdAsync(string broadcastId, string clientMsgId, string msgId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command("UPDATE broadcast_mass_sends SET msg_id = $m WHERE broadcast_id = $b AND client_msg_id = $c", transaction)
                .With("$m", msgId).With("$b", broadcastId).With("$c", clientMsgId);
            return update.ExecuteNonQuery();
        }, cancellationToken);

    public Task<string?> FinishMassSendAsync(string msgId, string status, int sentCount, int errorCount, int filterCount, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command(
                "UPDATE broadcast_mass_sends SET finish_status = $s, sent_count = $sc, error_count = $ec, filter_count = $fc WHERE msg_id = $m RETURNING broadcast_id", transaction)
                .With("$s", status).With("$sc", sentCount).With("$ec", errorCount).With("$fc", filterCount).With("$m", msgId);
            return update.ExecuteScalar() as string;
        }, cancellationToken);

    public Task<IReadOnlyList<MassSendJob>> MassSendsAsync(string broadcastId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<MassSendJob>)MassSends(connection, broadcastId), cancellationToken);

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        _lease.TryTakeAsync(owner, now, until, cancellationToken);

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) => _lease.ReleaseAsync(owner, cancellationToken);

    private static BroadcastRecipient ReadRecipient(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Enum.Parse<RecipientStatus>(reader.GetString(4)),
            reader.NullableString(5), SqliteCommandExtensions.FromUnixMs(reader.GetInt64(6)));

    private static Broadcast? Find(SqliteConnection connection, SqliteTransaction? transaction, string broadcastId) =>
        ReadBroadcasts(connection.Command("SELECT detail FROM broadcasts WHERE id = $id", transaction).With("$id", broadcastId)).FirstOrDefault();

    /// <summary>Runs (and disposes) a query whose first column is a broadcast's JSON.</summary>
    private static List<Broadcast> ReadBroadcasts(SqliteCommand select)
    {
        using (select)
        {
            using var reader = select.ExecuteReader();
            var broadcasts = new List<Broadcast>();
            while (reader.Read())
            {
                broadcasts.Add(StoreJson.Deserialize<Broadcast>(reader.GetString(0)));
            }

            return broadcasts;
        }
    }

    private static List<MassSendJob> MassSends(SqliteConnection connection, string broadcastId)
    {
        using var select = connection.Command(
            """
            SELECT broadcast_id, client_msg_id, msg_id, recipients, created_at, finish_status, sent_count, error_count, filter_count
            FROM broadcast_mass_sends WHERE broadcast_id = $b ORDER BY created_at, client_msg_id
            """).With("$b", broadcastId);
        using var reader = select.ExecuteReader();
        var jobs = new List<MassSendJob>();
        while (reader.Read())
        {
            jobs.Add(new MassSendJob(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetInt32(3),
                SqliteCommandExtensions.FromUnixMs(reader.GetInt64(4)), reader.NullableString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        }

        return jobs;
    }
}
