using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// Copies a SQLite file with SQLite's online backup API while other processes read and write it (WAL mode): the copy
/// is the database as of one committed transaction. It is written beside the destination as <c>&lt;file&gt;.partial</c>,
/// switched to rollback-journal mode (one self-contained file, no <c>-wal</c>), checked with
/// <c>PRAGMA integrity_check</c>, and only then renamed to its name. Problems are <see cref="BackupProblem"/>s.
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies <paramref name="source"/> to the new file <paramref name="destination"/>; returns its size in bytes.</summary>
    public static long Copy(string source, string destination)
    {
        var partial = destination + ".partial";
        try
        {
            CreateEmpty(partial, destination);
            using (var from = OpenSource(source))
            using (var to = SqliteFile.Open(partial, SqliteOpenMode.ReadWrite))
            {
                // A read transaction first (it waits out a busy file with the connection's timeout); the backup then
                // copies every page inside it in one step, so the copy is one snapshot however busy the server is.
                using (var snapshot = from.BeginTransaction(deferred: true))
                {
                    SqliteFile.Scalar(from, "SELECT COUNT(*) FROM sqlite_schema;", snapshot);
                    from.BackupDatabase(to);
                }

                SqliteFile.Scalar(to, "PRAGMA journal_mode=DELETE;");
                SqliteFile.EnsureIntact(to, source + " (as copied)");
            }

            File.Move(partial, destination);
            return new FileInfo(destination).Length;
        }
        catch (SqliteException e)
        {
            throw new BackupProblem($"the backup of {source} to {destination} failed: {e.Message}");
        }
        catch (IOException e)
        {
            throw new BackupProblem($"cannot write {destination}: {e.Message}");
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>Created by .NET first, so an unwritable place is reported as such rather than as SQLite's "unable to open".</summary>
    private static void CreateEmpty(string partial, string destination)
    {
        try
        {
            File.Create(partial).Dispose();
        }
        catch (UnauthorizedAccessException)
        {
            throw new BackupProblem($"cannot write {destination}: permission denied (this command runs as {Environment.UserName}).");
        }
    }

    /// <summary>
    /// Read-write, though only read: a reader of a WAL database takes part in its shared-memory index, which needs
    /// write access to the <c>-shm</c> file — so run the command as the user the server runs as.
    /// </summary>
    private static SqliteConnection OpenSource(string source)
    {
        try
        {
            return SqliteFile.Open(source, SqliteOpenMode.ReadWrite);
        }
        catch (SqliteException e)
        {
            throw new BackupProblem($"cannot open {source} ({e.Message}); run the command as the user the server runs as.");
        }
    }
}
