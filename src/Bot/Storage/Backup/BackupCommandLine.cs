using System.Globalization;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>What the backup and restore commands share: their one argument, and the refusal for Cosmos DB.</summary>
internal static class BackupCommandLine
{
    /// <summary>
    /// The frame both commands share: the file argument, the refusal on Cosmos DB, and every problem as one line on
    /// standard error with exit code 1; <paramref name="body"/> does the work with the file and the store's files.
    /// </summary>
    public static int Run(IServiceProvider services, IReadOnlyList<string> args, string usage, TextWriter errors, Func<string, DatabaseFiles, int> body)
    {
        if (!TryParseFile(args, out var file, out var problem))
        {
            errors.WriteLine($"Error: {problem}. {usage}");
            return 1;
        }

        if (services.GetService(typeof(DatabaseFiles)) is not DatabaseFiles files)
        {
            errors.WriteLine(CosmosRefusal);
            return 1;
        }

        try
        {
            return body(file, files);
        }
        catch (BackupProblem p)
        {
            errors.WriteLine($"Error: {p.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            errors.WriteLine($"Error: {e.Message}");
            return 1;
        }
    }

    public const string CosmosRefusal =
        "Error: Storage:Provider is Cosmos: backup and restore copy SQLite files only. Use Azure Cosmos DB's continuous backup " +
        "and point-in-time restore (see docs/operations.md).";

    /// <summary>Reads the one file argument (made absolute against the current folder).</summary>
    public static bool TryParseFile(IReadOnlyList<string> args, out string file, out string? problem)
    {
        file = string.Empty;
        problem = args switch
        {
            [] => "name the backup file",
            [var only] when only.StartsWith('-') => $"unknown argument '{only}'",
            [_] => null,
            [_, var extra, ..] => $"unexpected argument '{extra}' (one file only)",
        };
        if (problem is null)
        {
            file = Path.GetFullPath(args[0]);
        }

        return problem is null;
    }

    /// <summary>A size for people: "812 KB", "1.4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");
}
