using LibraryBot.Bot.Storage.Sqlite;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// <c>backup &lt;file&gt;</c>: copies the SQLite store into a new file with SQLite's online backup API while the server
/// runs (this is another process; the server's WAL lets both work), and — with the embedded demo library — the demo
/// library beside it (<see cref="DatabaseFiles.DemoLibraryBackupOf"/>). Each copy is one consistent snapshot and
/// passes <c>PRAGMA integrity_check</c> before it gets its name; an existing file is never written over. Prints one
/// line per file copied and exits 0; every problem is one line on standard error, with exit code 1.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public const string Usage = "Usage: backup <file> (a new file; with the demo library, <name>.demo-library<extension> beside it too)";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    public static int Run(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors) =>
        BackupCommandLine.Run(services, args, Usage, errors, (destination, files) =>
        {
            if (!File.Exists(files.Store))
            {
                throw new BackupProblem($"there is no database at {files.Store} (Storage:Sqlite:Path), so nothing to back up.");
            }

            var demoLibrary = files.DemoLibrary is { } demo && File.Exists(demo) ? demo : null;
            var demoDestination = DatabaseFiles.DemoLibraryBackupOf(destination);
            EnsureWritable(destination);
            if (demoLibrary is not null)
            {
                EnsureWritable(demoDestination);
            }

            using var inUse = SqliteFileLock.TryShare(files.Store)
                ?? throw new BackupProblem($"{files.Store} is being restored; back it up when the restore has finished.");
            var size = SqliteBackup.Copy(files.Store, destination);
            output.WriteLine($"Backed up {files.Store} to {destination} ({BackupCommandLine.Size(size)}, integrity ok).");
            if (demoLibrary is not null)
            {
                size = SqliteBackup.Copy(demoLibrary, demoDestination);
                output.WriteLine($"Backed up the demo library {demoLibrary} to {demoDestination} ({BackupCommandLine.Size(size)}, integrity ok).");
            }

            return 0;
        });

    /// <summary>Refuses a place the backup cannot go before anything is copied.</summary>
    private static void EnsureWritable(string destination)
    {
        var folder = Path.GetDirectoryName(destination)!;
        if (Directory.Exists(destination))
        {
            throw new BackupProblem($"{destination} is a folder; name a new file in it.");
        }

        if (File.Exists(destination))
        {
            throw new BackupProblem($"{destination} already exists; a backup never writes over a file (choose a new name, e.g. with the date).");
        }

        if (!Directory.Exists(folder))
        {
            throw new BackupProblem(File.Exists(folder)
                ? $"cannot write {destination}: {folder} is a file, not a folder."
                : $"cannot write {destination}: the folder {folder} does not exist.");
        }
    }
}
