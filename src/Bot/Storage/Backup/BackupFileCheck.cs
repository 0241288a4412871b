using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.CatalogAdapter.Embedded;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// Checks a file restore is asked to use, before anything is replaced: it exists, it is a SQLite database, it holds what
/// LibraryBot keeps in a schema this build can run, and it passes <c>PRAGMA integrity_check</c>. Every refusal is a
/// <see cref="BackupProblem"/> naming the file.
/// </summary>
internal static class BackupFileCheck
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>A store of this build's schema version or an older one (the server migrates it at start); returns its version.</summary>
    public static int Store(string file) => Read(file, connection =>
    {
        var missing = SqliteSchema.CoreTables.Where(t => !SqliteFile.HasTable(connection, t)).ToList();
        if (missing.Count > 0)
        {
            throw new BackupProblem($"{file} is a SQLite database but not a LibraryBot database (it has no {string.Join(", ", missing)} table{(missing.Count > 1 ? "s" : string.Empty)}).");
        }

        var version = (int)SqliteFile.Number(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        if (version > SqliteSchema.Version)
        {
            throw new BackupProblem(
                $"{file} was written by a newer LibraryBot (schema version {version}; this build knows up to {SqliteSchema.Version}): restore it with that version or later.");
        }

        SqliteFile.EnsureIntact(connection, file);
        return version;
    });

    /// <summary>A demo library of the schema version this build reads.</summary>
    public static void DemoLibrary(string file) => Read(file, connection =>
    {
        var version = SqliteFile.Number(connection, "PRAGMA user_version;");
        if (version != EmbeddedCatalogue.SchemaVersion || !SqliteFile.HasTable(connection, "records"))
        {
            throw new BackupProblem($"{file} is not a demo library of the version this build reads (schema version {EmbeddedCatalogue.SchemaVersion}; it has {version}).");
        }

        SqliteFile.EnsureIntact(connection, file);
        return version;
    });

    /// <summary>Runs the checks on a SQLite file; a page SQLite cannot read on the way makes it damaged.</summary>
    private static T Read<T>(string file, Func<SqliteConnection, T> check)
    {
        using var connection = OpenDatabase(file);
        try
        {
            return check(connection);
        }
        catch (SqliteException e)
        {
            throw new BackupProblem($"{file} is damaged: {e.Message}");
        }
    }

    private static SqliteConnection OpenDatabase(string file)
    {
        if (!File.Exists(file))
        {
            throw new BackupProblem(Directory.Exists(file) ? $"{file} is a folder, not a backup file." : $"{file} does not exist.");
        }

        var header = new byte[SqliteHeader.Length];
        try
        {
            using var stream = File.OpenRead(file);
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
            {
                throw new BackupProblem($"{file} is not a SQLite database, so not a LibraryBot backup.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupProblem($"cannot read {file}: {e.Message}");
        }

        try
        {
            var connection = SqliteFile.Open(file, SqliteOpenMode.ReadOnly);
            SqliteFile.Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema;");
            return connection;
        }
        catch (SqliteException e)
        {
            throw new BackupProblem($"{file} cannot be read as a SQLite database ({e.Message}).");
        }
    }
}
