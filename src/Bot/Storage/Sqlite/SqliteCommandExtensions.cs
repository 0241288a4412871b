using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

internal static class SqliteCommandExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Claims rows of <paramref name="table"/> for a worker until a time (inbox entries, outbox replies).</summary>
    public static void Lease(this SqliteConnection connection, SqliteTransaction transaction, string table, string idColumn, IEnumerable<long> ids, string workerId, DateTimeOffset until)
    {
        using var lease = connection.Command($"UPDATE {table} SET lease_owner = $me, lease_until = $until WHERE {idColumn} = $id", transaction)
            .With("$me", workerId).With("$until", until.ToUnixMs());
        var id = lease.Parameters.Add("$id", SqliteType.Integer);
        foreach (var value in ids)
        {
            id.Value = value;
            lease.ExecuteNonQuery();
        }
    }

    public static long ToUnixMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromUnixMs(reader.GetInt64(ordinal));

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
