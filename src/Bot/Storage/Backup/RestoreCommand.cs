using LibraryBot.Bot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// <c>restore &lt;file&gt;</c>: puts a backup made by <see cref="BackupCommand"/> in place of the configured store (and the
/// demo library's backup beside it, when there is one and the demo library is used). It checks the file first (a
/// LibraryBot database of this schema version or older, intact) and refuses while any process has the store open
/// (<see cref="SqliteFileLock"/>); the database it replaces is kept as <c>&lt;name&gt;.before-restore-&lt;timestamp&gt;</c>.
/// Prints what it did and exits 0; every problem is one line on standard error, with exit code 1.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public const string Usage = "Usage: restore <file> (a backup made by the backup command; stop the server first)";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    public static int Run(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors) =>
        BackupCommandLine.Run(services, args, Usage, errors, (backup, files) =>
        {
            if (string.Equals(backup, files.Store, StringComparison.Ordinal))
            {
                throw new BackupProblem($"{backup} is the database itself (Storage:Sqlite:Path); name a backup file.");
            }

            var version = BackupFileCheck.Store(backup);
            var demoBackup = DatabaseFiles.DemoLibraryBackupOf(backup);
            var withDemoLibrary = files.DemoLibrary is not null && File.Exists(demoBackup);
            if (withDemoLibrary)
            {
                BackupFileCheck.DemoLibrary(demoBackup);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(files.Store)!);
            using var alone = SqliteFileLock.TryTakeExclusive(files.Store) ?? throw new BackupProblem(
                $"LibraryBot is using {files.Store}: the server (or a backup or create-staff command) is running. Stop it first (e.g. systemctl stop librarybot), then run restore again.");
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var kept = Replace(backup, files.Store, now);
            var migration = version < SqliteSchema.Version ? $"; the server migrates it to version {SqliteSchema.Version} when it starts" : string.Empty;
            output.WriteLine($"Restored {files.Store} from {backup} (schema version {version}{migration}).");
            output.WriteLine(kept is null ? "There was no database there before." : $"The database it replaced is kept as {kept}.");
            if (withDemoLibrary)
            {
                kept = Replace(demoBackup, files.DemoLibrary!, now);
                output.WriteLine($"Restored the demo library {files.DemoLibrary} from {demoBackup}{(kept is null ? "." : $"; the one it replaced is kept as {kept}.")}");
            }
            else if (files.DemoLibrary is not null)
            {
                output.WriteLine($"There is no demo library backup beside it ({demoBackup}); the demo library {files.DemoLibrary} is left as it is.");
            }

            return 0;
        });

    private static string? Replace(string backup, string target, DateTimeOffset now)
    {
        try
        {
            return SqliteRestore.Replace(backup, target, now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupProblem($"cannot replace {target}: {e.Message}");
        }
    }
}
