namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>
/// A named lease in the <c>leases</c> table (a notice run, the broadcast dispatcher): taken or renewed by its owner,
/// taken over once it has lapsed, released by its owner. One row per name; the write transaction serialises takers.
/// </summary>
public sealed class SqliteLease(SqliteDatabase database, string name)
{
    /// <summary>Takes the lease until <paramref name="until"/> unless another owner holds it past <paramref name="now"/>.</summary>
    public Task<bool> TryTakeAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var upsert = connection.Command(
                """
                INSERT INTO leases (name, owner, until) VALUES ($n, $o, $u)
                ON CONFLICT (name) DO UPDATE SET owner = $o, until = $u WHERE leases.owner = $o OR leases.until <= $now
                """, transaction)
                .With("$n", name).With("$o", owner).With("$u", until.ToUnixMs()).With("$now", now.ToUnixMs());
            return upsert.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task ReleaseAsync(string owner, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM leases WHERE name = $n AND owner = $o", transaction).With("$n", name).With("$o", owner);
            return delete.ExecuteNonQuery();
        }, cancellationToken);
}
