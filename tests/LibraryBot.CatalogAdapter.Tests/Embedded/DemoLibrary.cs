using LibraryBot.CatalogAdapter.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>A freshly seeded demo library in a temporary file, with a fake clock and lookups by title.</summary>
internal sealed class DemoLibrary : IAsyncDisposable
{
    /// <summary>Wednesday 11 March 2026, noon in Los Angeles (PDT).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 11, 19, 0, 0, TimeSpan.Zero);

    private DemoLibrary(string path, FakeTimeProvider time, EmbeddedCatalogueOptions options)
    {
        Path = path;
        Time = time;
        Options = options;
        Catalogue = new EmbeddedCatalogue(path, options, time, NullLogger<EmbeddedCatalogue>.Instance);
    }

    public string Path { get; }

    public FakeTimeProvider Time { get; }

    public EmbeddedCatalogueOptions Options { get; }

    public EmbeddedCatalogue Catalogue { get; }

    // Seeded once per test run through the real seeding path, then made one self-contained file that nothing holds
    // open and copied byte for byte for each test. (Copying it with SQLite's backup API while tests run in parallel
    // failed now and then with "database is locked": the backup step does not wait, and a closing WAL connection
    // checkpoints under an exclusive lock.)
    private static readonly Lazy<Task<DemoLibrary>> Template = new(async () =>
    {
        var template = await CreateSeededAsync(DefaultStart);
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={template.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            var mode = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (mode != "delete")
            {
                throw new InvalidOperationException($"The demo library template stayed in journal mode {mode}.");
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DeleteFiles();
        return template;
    });

    /// <summary>A fresh copy of the demo library seeded at <see cref="DefaultStart"/>, or a new seed at another start.</summary>
    public static async Task<DemoLibrary> CreateAsync(DateTimeOffset? start = null)
    {
        if (start is not null && start != DefaultStart)
        {
            return await CreateSeededAsync(start.Value);
        }

        var template = await Template.Value;
        var library = new DemoLibrary(NewPath(), new FakeTimeProvider(DefaultStart), new EmbeddedCatalogueOptions());
        File.Copy(template.Path, library.Path);

        await library.Catalogue.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return library;
    }

    private static async Task<DemoLibrary> CreateSeededAsync(DateTimeOffset start)
    {
        var library = new DemoLibrary(NewPath(), new FakeTimeProvider(start), new EmbeddedCatalogueOptions());
        await library.Catalogue.EnsureCreatedAsync(CancellationToken.None);
        return library;
    }

    private static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"librarybot-demo-{Guid.NewGuid():N}.db");

    /// <summary>Another catalogue over the same file (as after a restart).</summary>
    public EmbeddedCatalogue Reopen() => new(Path, Options, Time, NullLogger<EmbeddedCatalogue>.Instance);

    public string RecordId(string title) => Scalar("SELECT id FROM records WHERE title = @t ORDER BY id LIMIT 1", ("@t", title));

    public string LoanId(string patronId, string title) => Scalar(
        "SELECT l.loan_id FROM loans l JOIN items i ON i.item_id = l.item_id JOIN records r ON r.id = i.record_id WHERE l.patron_id = @p AND r.title = @t",
        ("@p", patronId), ("@t", title));

    public string HoldId(string patronId, string title) => Scalar(
        "SELECT h.hold_id FROM holds h JOIN records r ON r.id = h.record_id WHERE h.patron_id = @p AND r.title = @t", ("@p", patronId), ("@t", title));

    public string Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No row for: {sql}");
    }

    public ValueTask DisposeAsync()
    {
        DeleteFiles();
        return ValueTask.CompletedTask;
    }

    private void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
