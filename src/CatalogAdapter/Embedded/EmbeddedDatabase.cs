using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// The demo library's SQLite file: opens connections, creates and seeds the file at first use when it is missing,
/// and knows the library's clock ("today" in its time zone).
/// </summary>
internal sealed class EmbeddedDatabase(
    string path, EmbeddedCatalogueOptions options, TimeProvider time, ILogger logger, Func<SqliteConnection, SqliteTransaction, EmbeddedDatabase, int>? seed = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
    }.ToString();

    /// <summary>Up to 256 MiB of the file mapped into memory (address space, not memory taken).</summary>
    internal const string MemoryMapPragma = "PRAGMA mmap_size=268435456;";

    private volatile bool ready;

    public string Path => path;

    public EmbeddedCatalogueOptions Options => options;

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Creates and seeds the file if it has no schema yet; refuses a file of another schema version.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (ready)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (ready)
            {
                return;
            }

            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            var version = await ScalarAsync(connection, "PRAGMA user_version", cancellationToken);
            if (version == 0)
            {
                await CreateAndSeedAsync(connection, cancellationToken);
            }
            else if (version != EmbeddedSchema.Version)
            {
                throw new CatalogueException(CatalogueErrorKind.Protocol,
                    $"The demo library file has schema version {version}; this build reads version {EmbeddedSchema.Version}. Delete the file to recreate it.");
            }

            await using (var additions = connection.CreateCommand())
            {
                additions.CommandText = EmbeddedSchema.Additions;
                await additions.ExecuteNonQueryAsync(cancellationToken);
            }

            ready = true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task CreateAndSeedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = EmbeddedSchema.Create;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var records = (seed ?? DemoLibrarySeeder.Seed)(connection, transaction, this);
        await using (var stamp = connection.CreateCommand())
        {
            stamp.Transaction = transaction;
            stamp.CommandText = $"PRAGMA user_version = {EmbeddedSchema.Version}";
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        CatalogLog.DemoLibraryCreated(logger, path, records, EmbeddedSchema.Version);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var mmap = connection.CreateCommand())
            {
                // Pages read straight from the file's mapping rather than copied in by a read call each time a
                // connection's small cache misses (a batch of accounts touches pages all over the file).
                mmap.CommandText = MemoryMapPragma;
                await mmap.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new CatalogueException(CatalogueErrorKind.Unavailable, "The demo library file cannot be opened.", e);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
