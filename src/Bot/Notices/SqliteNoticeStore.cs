using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Notices;

/// <summary>The notice ledger in the bot's SQLite database (tables <c>notice_subscribers</c>, <c>notice_digests</c>, <c>notices</c>, <c>leases</c>).</summary>
public sealed class SqliteNoticeStore(SqliteDatabase database) : INoticeStore
{
    private const string LeaseName = "notices-run";

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

    public Task<IReadOnlySet<string>> PlannedKeysAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT notice_key FROM notices WHERE conversation_key = $k").With("$k", conversationKey);
            using var reader = select.ExecuteReader();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return (IReadOnlySet<string>)keys;
        }, cancellationToken);

    public Task<int> DigestsSinceAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var count = connection.Command("SELECT count(*) FROM notice_digests WHERE conversation_key = $k AND planned_at >= $t")
                .With("$k", conversationKey).With("$t", since.ToUnixMs());
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<NoticeDigest?> PlanAsync(NoticeDigest digest, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            var kept = new List<PlannedNotice>();
            foreach (var notice in digest.Notices)
            {
                using var insert = connection.Command(
                    """
                    INSERT INTO notices (conversation_key, notice_key, digest_id, kind, patron_id, detail, status, planned_at, updated_at)
                    VALUES ($k, $n, $d, $kind, $p, $detail, $s, $t, $t) ON CONFLICT DO NOTHING
                    """, transaction)
                    .With("$k", digest.ConversationKey).With("$n", notice.Key).With("$d", digest.Id).With("$kind", notice.Kind.ToString())
                    .With("$p", notice.PatronId).With("$detail", StoreJson.Serialize(notice)).With("$s", NoticeStatus.Planned.ToString())
                    .With("$t", digest.PlannedAt.ToUnixMs());
                if (insert.ExecuteNonQuery() == 1)
                {
                    kept.Add(notice);
                }
            }

            if (kept.Count == 0)
            {
                return null;
            }

            using var digestRow = connection.Command(
                "INSERT INTO notice_digests (id, conversation_key, run_id, planned_at, delivered) VALUES ($d, $k, $r, $t, 0)", transaction)
                .With("$d", digest.Id).With("$k", digest.ConversationKey).With("$r", digest.RunId).With("$t", digest.PlannedAt.ToUnixMs());
            digestRow.ExecuteNonQuery();
            return digest with { Notices = kept };
        }, cancellationToken);

    public Task<NoticeDigest?> FindDigestAsync(string digestId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadDigests(connection, "d.id = $d", c => c.With("$d", digestId)).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<NoticeDigest>> UndeliveredAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => (IReadOnlyList<NoticeDigest>)ReadDigests(connection, "d.delivered = 0", _ => { }), cancellationToken);

    public Task ForgetAsync(string digestId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var notices = connection.Command("DELETE FROM notices WHERE digest_id = $d", transaction).With("$d", digestId);
            notices.ExecuteNonQuery();
            using var digest = connection.Command("DELETE FROM notice_digests WHERE id = $d", transaction).With("$d", digestId);
            return digest.ExecuteNonQuery();
        }, cancellationToken);

    public Task MarkAsync(string digestId, IReadOnlyDictionary<string, (NoticeStatus Status, string? Reason)> notices, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            foreach (var (key, (status, reason)) in notices)
            {
                using var update = connection.Command(
                    "UPDATE notices SET status = $s, reason = $r, updated_at = $t WHERE digest_id = $d AND notice_key = $n", transaction)
                    .With("$s", status.ToString()).With("$r", reason).With("$t", now.ToUnixMs()).With("$d", digestId).With("$n", key);
                update.ExecuteNonQuery();
            }

            using var digest = connection.Command("UPDATE notice_digests SET delivered = 1 WHERE id = $d", transaction).With("$d", digestId);
            return digest.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<NoticeRecord>> ListAsync(NoticeQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command(
                """
                SELECT n.detail, n.digest_id, COALESCE(o.conversation_key, n.conversation_key), n.planned_at, n.status, n.reason,
                       o.status, o.delivery_state, o.error_code, o.reason
                FROM notices n
                LEFT JOIN outbox o ON o.id = (SELECT max(id) FROM outbox WHERE inbound_dedupe_key IN ($prefix || n.digest_id, $sms || n.digest_id))
                WHERE ($kind IS NULL OR n.kind = $kind)
                  AND ($patron IS NULL OR n.patron_id = $patron OR n.detail LIKE '%"patronName":"' || $patron || '"%')
                  AND ($from IS NULL OR n.planned_at >= $from) AND ($to IS NULL OR n.planned_at < $to)
                ORDER BY n.planned_at DESC, n.notice_key
                """)
                .With("$prefix", NoticeDigest.DedupePrefix).With("$sms", NoticeDigest.SmsFallbackPrefix).With("$kind", query.Kind?.ToString()).With("$patron", query.Patron)
                .With("$from", query.From?.ToUnixMs()).With("$to", query.To?.ToUnixMs());
            using var reader = select.ExecuteReader();
            var records = new List<NoticeRecord>();
            while (reader.Read() && records.Count < query.Limit)
            {
                var status = Enum.Parse<NoticeStatus>(reader.GetString(4));
                var outboxStatus = reader.IsDBNull(6) ? (OutboxStatus?)null : (OutboxStatus)reader.GetInt32(6);
                var deliveryState = reader.IsDBNull(7) ? (DeliveryState?)null : (DeliveryState)reader.GetInt32(7);
                var delivery = NoticeDelivery.Of(status, outboxStatus, deliveryState);
                if (query.Delivery is not null && !string.Equals(query.Delivery, delivery, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var failed = delivery is NoticeDelivery.Failed or NoticeDelivery.Skipped;
                records.Add(new NoticeRecord(
                    StoreJson.Deserialize<PlannedNotice>(reader.GetString(0)),
                    reader.GetString(1),
                    ChannelOf(reader.GetString(2)),
                    SqliteCommandExtensions.FromUnixMs(reader.GetInt64(3)),
                    delivery,
                    failed ? reader.NullableString(8) : null,
                    failed ? reader.NullableString(9) ?? reader.NullableString(5) : null));
            }

            return (IReadOnlyList<NoticeRecord>)records;
        }, cancellationToken);

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var upsert = connection.Command(
                """
                INSERT INTO leases (name, owner, until) VALUES ($n, $o, $u)
                ON CONFLICT (name) DO UPDATE SET owner = $o, until = $u WHERE leases.owner = $o OR leases.until <= $now
                """, transaction)
                .With("$n", LeaseName).With("$o", owner).With("$u", until.ToUnixMs()).With("$now", now.ToUnixMs());
            return upsert.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM leases WHERE name = $n AND owner = $o", transaction).With("$n", LeaseName).With("$o", owner);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

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
            FROM notice_digests d JOIN notices n ON n.digest_id = d.id
            WHERE {where}
            ORDER BY d.planned_at, d.id, n.notice_key
            """);
        bind(select);
        using var reader = select.ExecuteReader();
        var digests = new List<NoticeDigest>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var notice = StoreJson.Deserialize<PlannedNotice>(reader.GetString(4));
            if (digests.Count > 0 && digests[^1].Id == id)
            {
                digests[^1] = digests[^1] with { Notices = [.. digests[^1].Notices, notice] };
                continue;
            }

            digests.Add(new NoticeDigest(id, reader.GetString(1), reader.GetString(2), SqliteCommandExtensions.FromUnixMs(reader.GetInt64(3)), [notice]));
        }

        return digests;
    }

    private static ChannelId ChannelOf(string conversationKey) =>
        LibraryBot.Bot.Handoff.ConversationIds.TryParseRef(conversationKey, out var address) ? address.Channel : ChannelId.WhatsApp;
}
