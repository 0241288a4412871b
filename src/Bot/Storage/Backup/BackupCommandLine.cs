using System.Globalization;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>What the backup and restore commands share: their one argument, and the refusal for Cosmos DB.</summary>
internal static class BackupCommandLine
{
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
