using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>One SQLite file as the backup commands open it: unpooled connections (closed means closed), one-value queries, the integrity check.</summary>
internal static class SqliteFile
{
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static long Number(SqliteConnection connection, string sql) =>
        Convert.ToInt64(Scalar(connection, sql) ?? 0L, CultureInfo.InvariantCulture);

    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; throws a <see cref="BackupProblem"/> naming <paramref name="file"/> unless it answers "ok".</summary>
    public static void EnsureIntact(SqliteConnection connection, string file)
    {
        var answer = Scalar(connection, "PRAGMA integrity_check;") as string;
        if (answer != "ok")
        {
            throw new BackupProblem($"{file} is damaged: PRAGMA integrity_check says \"{answer}\".");
        }
    }
}
