using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Consent;

/// <summary>The consent ledger in the bot's SQLite database (table <c>consent_events</c>, append-only by trigger).</summary>
public sealed class SqliteConsentLedger(SqliteDatabase database) : IConsentLedger
{
    private const string KeyName = "consent-address-key";
    private byte[]? _key;

    public async Task AppendAsync(ConversationRef address, ConsentRecord record, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(address, cancellationToken).ConfigureAwait(false);
        await database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.Command(
                """
                INSERT INTO consent_events (channel, address_hash, purpose, action, at, source, actor, wording, wording_version, language)
                VALUES ($c, $h, $p, $a, $t, $s, $who, $w, $v, $l)
                """, transaction)
                .With("$c", address.Channel.ToString()).With("$h", hash).With("$p", record.Purpose).With("$a", record.Action.ToString())
                .With("$t", record.At.ToUnixMs()).With("$s", record.Source.ToString()).With("$who", record.Actor)
                .With("$w", record.Wording).With("$v", record.WordingVersion).With("$l", record.Language);
            return insert.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConsentEvent>> HistoryAsync(ConversationRef address, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(address, cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(connection =>
        {
            using var select = connection.Command(
                """
                SELECT id, channel, address_hash, purpose, action, at, source, actor, wording, wording_version, language
                FROM consent_events WHERE address_hash = $h ORDER BY id
                """).With("$h", hash);
            using var reader = select.ExecuteReader();
            var events = new List<ConsentEvent>();
            while (reader.Read())
            {
                events.Add(new ConsentEvent(
                    reader.GetInt64(0),
                    Enum.Parse<ChannelId>(reader.GetString(1)),
                    reader.GetString(2),
                    new ConsentRecord(
                        reader.GetString(3),
                        Enum.Parse<ConsentAction>(reader.GetString(4)),
                        SqliteCommandExtensions.FromUnixMs(reader.GetInt64(5)),
                        Enum.Parse<ConsentSource>(reader.GetString(6)),
                        reader.GetString(7),
                        reader.NullableString(8),
                        reader.NullableString(9),
                        reader.NullableString(10))));
            }

            return (IReadOnlyList<ConsentEvent>)events;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> GrantedAsync(string purpose, CancellationToken cancellationToken) =>
        (await LatestAsync(purpose, cancellationToken).ConfigureAwait(false)).Where(l => l.Value.Granted).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, ConsentLatest>> LatestAsync(string purpose, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command(
                """
                SELECT address_hash, action, source, at FROM (
                    SELECT address_hash, action, source, at, ROW_NUMBER() OVER (PARTITION BY address_hash ORDER BY id DESC) AS latest
                    FROM consent_events WHERE purpose = $p)
                WHERE latest = 1
                """).With("$p", purpose);
            using var reader = select.ExecuteReader();
            var latest = new Dictionary<string, ConsentLatest>(StringComparer.Ordinal);
            while (reader.Read())
            {
                latest[reader.GetString(0)] = new ConsentLatest(
                    reader.GetString(1) == nameof(ConsentAction.Grant),
                    Enum.Parse<ConsentSource>(reader.GetString(2)),
                    SqliteCommandExtensions.FromUnixMs(reader.GetInt64(3)));
            }

            return (IReadOnlyDictionary<string, ConsentLatest>)latest;
        }, cancellationToken);

    public async Task<string> HashAsync(ConversationRef address, CancellationToken cancellationToken) =>
        AddressHasher.Hash(_key ??= await KeyAsync(cancellationToken).ConfigureAwait(false), address);

    /// <summary>The HMAC key, created at random the first time and kept in the database.</summary>
    private Task<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using (var insert = connection.Command("INSERT INTO secrets (name, value) VALUES ($n, $v) ON CONFLICT DO NOTHING", transaction))
            {
                insert.With("$n", KeyName).With("$v", AddressHasher.NewKey()).ExecuteNonQuery();
            }

            using var select = connection.Command("SELECT value FROM secrets WHERE name = $n", transaction).With("$n", KeyName);
            return Convert.FromBase64String((string)select.ExecuteScalar()!);
        }, cancellationToken);
}
