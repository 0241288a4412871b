using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>
/// The SQLite file: WAL, schema migrated at start, one serialised writer per process (transactions are
/// BEGIN IMMEDIATE with a busy timeout, so several processes may share the file). While it is open, this process
/// holds the store's <see cref="SqliteFileLock"/> shared, so <c>restore</c> refuses to replace the file under it.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteFileLock _inUse;
    private readonly SqliteConnection _writer;

    public SqliteDatabase(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _inUse = SqliteFileLock.TryShare(full) ?? throw new InvalidOperationException(
            $"The database {full} is being restored (the restore command holds {SqliteFileLock.PathOf(full)}); start again when it has finished.");
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Path = full;
        try
        {
            _writer = Open();
            using (var pragma = _writer.CreateCommand())
            {
                // The writer is the only connection that writes: WAL (persistent in the file), no fsync per commit,
                // and erased data (consumed inbox payloads) overwritten with zeros rather than left in free pages.
                // Its page cache holds 32 MiB (not 2): a batch of a notice run or of the inbox touches index pages all
                // over, which otherwise spill mid-transaction and are read again by the next; the WAL is written back
                // to the file (with an fsync) every 4,000 pages rather than every 1,000.
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=4000;";
                pragma.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(_writer);
        }
        catch
        {
            _inUse.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Opens a pooled connection (the busy timeout comes from the connection string's default timeout).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using (var mmap = connection.CreateCommand())
        {
            // Pages read straight from the file's mapping rather than copied in by a read call whenever the
            // connection's cache misses (caches are emptied whenever another connection has written).
            mmap.CommandText = "PRAGMA mmap_size=268435456;";
            mmap.ExecuteNonQuery();
        }

        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits when it returns, rolls back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            var result = work(_writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = Open();
        return work(connection);
    }

    /// <summary>Writes the WAL back into the main file and truncates it.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _writer.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _writeGate.Dispose();
        _inUse.Dispose();
    }
}
