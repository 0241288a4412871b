using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// The notice ledger in the bot's SQLite database (tables <c>notice_subscribers</c>, <c>notice_digests</c>, <c>notices</c>,
/// <c>leases</c>). Uniqueness per (chat, notice key) is the primary key of <c>notices</c>; a batch of digests is planned
/// in one transaction.
/// </summary>
public sealed class SqliteNoticeStore(SqliteDatabase database) : INoticeStore
{
    private const string LeaseName = "notices-run";

    private readonly SqliteLease _lease = new(database, LeaseName);

    public Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command("INSERT INTO notice_subscribers (conversation_key, since) VALUES ($k, $t) ON CONFLICT DO NOTHING", transaction)
                .With("$k", conversationKey).With("$t", now.ToUnixMs());
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT conversation_key FROM notice_subscribers ORDER BY since, conversation_key");
            using var reader = select.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)keys;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PlannedKeysAsync(IReadOnlyCollection<string> conversationKeys, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT conversation_key, notice_key FROM notices WHERE conversation_key IN (SELECT value FROM json_each($keys))")
                .With("$keys", StoreJson.Serialize(conversationKeys));
            using var reader = select.ExecuteReader();
            var keys = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var chat = reader.GetString(0);
                if (!keys.TryGetValue(chat, out var set))
                {
                    keys[chat] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                ((HashSet<string>)set).Add(reader.GetString(1));
            }

            return (IReadOnlyDictionary<string, IReadOnlySet<string>>)keys;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> DigestsSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var count = connection.Command(
                """
                SELECT conversation_key, count(*) FROM notice_digests
                WHERE conversation_key IN (SELECT value FROM json_each($keys)) AND planned_at >= $t GROUP BY conversation_key
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

    public Task<IReadOnlyList<NoticeDigest>> PlanAsync(IReadOnlyList<NoticeDigest> digests, CancellationToken cancellationToken) =>
        digests.Count == 0 ? Task.FromResult<IReadOnlyList<NoticeDigest>>([]) : database.WriteAsync<IReadOnlyList<NoticeDigest>>((connection, transaction) =>
        {
            using var insert = connection.Command(
                """
                INSERT INTO notices (conversation_key, notice_key, digest_id, kind, patron_id, detail, status, planned_at, updated_at)
                VALUES ($k, $n, $d, $kind, $p, $detail, $s, $t, $t) ON CONFLICT DO NOTHING
                """, transaction);
            var chat = insert.Parameters.Add("$k", SqliteType.Text);
            var key = insert.Parameters.Add("$n", SqliteType.Text);
            var digestId = insert.Parameters.Add("$d", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var patron = insert.Parameters.Add("$p", SqliteType.Text);
            var detail = insert.Parameters.Add("$detail", SqliteType.Text);
            var at = insert.Parameters.Add("$t", SqliteType.Integer);
            insert.Parameters.AddWithValue("$s", NoticeStatus.Planned.ToString());
            using var digestRow = connection.Command(
                "INSERT INTO notice_digests (id, conversation_key, run_id, planned_at, delivered) VALUES ($d, $k, $r, $t, 0)", transaction);
            var rowId = digestRow.Parameters.Add("$d", SqliteType.Text);
            var rowChat = digestRow.Parameters.Add("$k", SqliteType.Text);
            var rowRun = digestRow.Parameters.Add("$r", SqliteType.Text);
            var rowAt = digestRow.Parameters.Add("$t", SqliteType.Integer);

            var stored = new List<NoticeDigest>(digests.Count);
            foreach (var digest in digests)
            {
                (chat.Value, digestId.Value, at.Value) = (digest.ConversationKey, digest.Id, digest.PlannedAt.ToUnixMs());
                var kept = new List<PlannedNotice>(digest.Notices.Count);
                foreach (var notice in digest.Notices)
                {
                    (key.Value, kind.Value, patron.Value, detail.Value) = (notice.Key, notice.Kind.ToString(), notice.PatronId, StoreJson.Serialize(notice));
                    if (insert.ExecuteNonQuery() == 1)
                    {
                        kept.Add(notice);
                    }
                }

                if (kept.Count == 0)
                {
                    continue;
                }

                (rowId.Value, rowChat.Value, rowRun.Value, rowAt.Value) = (digest.Id, digest.ConversationKey, digest.RunId, digest.PlannedAt.ToUnixMs());
                digestRow.ExecuteNonQuery();
                stored.Add(kept.Count == digest.Notices.Count ? digest : digest with { Notices = kept });
            }

            return stored;
        }, cancellationToken);

    public Task<NoticeDigest?> FindDigestAsync(string conversationKey, string digestId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadDigests(connection, "d.id = $d AND d.conversation_key = $k",
            c => c.With("$d", digestId).With("$k", conversationKey)).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<NoticeDigest>> UndeliveredAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<NoticeDigest>)ReadDigests(connection,
            "d.delivered = 0 AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.dedupe_key = $prefix || d.id)",
            c => c.With("$prefix", NoticeDigest.DedupePrefix)), cancellationToken);

    public Task ForgetAsync(string conversationKey, string digestId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var notices = connection.Command("DELETE FROM notices WHERE digest_id = $d AND conversation_key = $k", transaction)
                .With("$d", digestId).With("$k", conversationKey);
            notices.ExecuteNonQuery();
            using var digest = connection.Command("DELETE FROM notice_digests WHERE id = $d AND conversation_key = $k", transaction)
                .With("$d", digestId).With("$k", conversationKey);
            return digest.ExecuteNonQuery();
        }, cancellationToken);

    public Task MarkAsync(string conversationKey, string digestId, IReadOnlyDictionary<string, (NoticeStatus Status, string? Reason)> notices, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var update = connection.Command(
                "UPDATE notices SET status = $s, reason = $r, updated_at = $t WHERE conversation_key = $k AND notice_key = $n AND digest_id = $d", transaction)
                .With("$t", now.ToUnixMs()).With("$d", digestId).With("$k", conversationKey);
            var status = update.Parameters.Add("$s", SqliteType.Text);
            var reason = update.Parameters.Add("$r", SqliteType.Text);
            var key = update.Parameters.Add("$n", SqliteType.Text);
            foreach (var (notice, (newStatus, why)) in notices)
            {
                (status.Value, reason.Value, key.Value) = (newStatus.ToString(), (object?)why ?? DBNull.Value, notice);
                update.ExecuteNonQuery();
            }

            using var digest = connection.Command("UPDATE notice_digests SET delivered = 1 WHERE id = $d AND conversation_key = $k", transaction)
                .With("$d", digestId).With("$k", conversationKey);
            return digest.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<NoticeRecord>> ListAsync(NoticeQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<NoticeRecord>)Scan(connection, query).Take(query.Limit).ToList(), cancellationToken);

    public Task<IReadOnlyList<NoticeCount>> CountAsync(NoticeQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            var tally = new NoticeTally();
            foreach (var record in Scan(connection, query))
            {
                tally.Add(record);
            }

            return tally.Counts();
        }, cancellationToken);

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        _lease.TryTakeAsync(owner, now, until, cancellationToken);

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) => _lease.ReleaseAsync(owner, cancellationToken);

    /// <summary>The notices matching the query (its limit aside), newest first, with their digest's reply (by SMS when it fell back).</summary>
    private static IEnumerable<NoticeRecord> Scan(SqliteConnection connection, NoticeQuery query)
    {
        using var select = connection.Command(
            """
            SELECT n.detail, n.digest_id, COALESCE(o.conversation_key, n.conversation_key), n.planned_at, n.status, n.reason,
                   o.status, o.delivery_state, o.error_code, o.reason
            FROM notices n
            LEFT JOIN outbox o ON o.id = (SELECT max(id) FROM outbox WHERE inbound_dedupe_key IN ($prefix || n.digest_id, $sms || n.digest_id))
            WHERE ($kind IS NULL OR n.kind = $kind)
              AND ($patron IS NULL OR n.patron_id = $patron OR json_extract(n.detail, '$.patronName') = $patron COLLATE NOCASE)
              AND ($from IS NULL OR n.planned_at >= $from) AND ($to IS NULL OR n.planned_at < $to)
            ORDER BY n.planned_at DESC, n.notice_key
            """)
            .With("$prefix", NoticeDigest.DedupePrefix).With("$sms", NoticeDigest.SmsFallbackPrefix).With("$kind", query.Kind?.ToString()).With("$patron", query.Patron)
            .With("$from", query.From?.ToUnixMs()).With("$to", query.To?.ToUnixMs());
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var reply = reader.IsDBNull(6) ? null : new NoticeDelivery.Reply(
                (OutboxStatus)reader.GetInt32(6),
                reader.IsDBNull(7) ? null : (DeliveryState)reader.GetInt32(7),
                reader.NullableString(8),
                reader.NullableString(9));
            var record = NoticeDelivery.Record(
                StoreJson.Deserialize<PlannedNotice>(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                SqliteCommandExtensions.FromUnixMs(reader.GetInt64(3)), Enum.Parse<NoticeStatus>(reader.GetString(4)), reader.NullableString(5), reply);
            if (query.Delivery is null || string.Equals(query.Delivery, record.Delivery, StringComparison.OrdinalIgnoreCase))
            {
                yield return record;
            }
        }
    }

    public Task<string?> LeaseHolderAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT owner FROM leases WHERE name = $n AND until > $now").With("$n", LeaseName).With("$now", now.ToUnixMs());
            return select.ExecuteScalar() as string;
        }, cancellationToken);

    private static List<NoticeDigest> ReadDigests(SqliteConnection connection, string where, Action<SqliteCommand> bind)
    {
        using var select = connection.Command(
            $"""
            SELECT d.id, d.conversation_key, d.run_id, d.planned_at, n.detail
            FROM notice_digests d JOIN notices n ON n.digest_id = d.id AND n.conversation_key = d.conversation_key
            WHERE {where}
            ORDER BY d.planned_at, d.id, n.notice_key
            """);
        bind(select);
        using var reader = select.ExecuteReader();
        var digests = new List<NoticeDigest>();
        var notices = new List<PlannedNotice>();
        (string Id, string Chat, string Run, long At)? current = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (current is { } open && open.Id != id)
            {
                digests.Add(new NoticeDigest(open.Id, open.Chat, open.Run, SqliteCommandExtensions.FromUnixMs(open.At), notices));
                notices = [];
            }

            current = (id, reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
            notices.Add(StoreJson.Deserialize<PlannedNotice>(reader.GetString(4)));
        }

        if (current is { } last)
        {
            digests.Add(new NoticeDigest(last.Id, last.Chat, last.Run, SqliteCommandExtensions.FromUnixMs(last.At), notices));
        }

        return digests;
    }
}
