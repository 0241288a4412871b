using System.Globalization;

namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// Puts a checked backup in place of a database file that no process has open. The backup is copied beside the target
/// first (a failed copy changes nothing); then the database it replaces is renamed to
/// <c>&lt;name&gt;.before-restore-&lt;UTC timestamp&gt;</c> (with its <c>-wal</c>, which may hold its last commits), the stale
/// <c>-shm</c> index is removed, and the copy takes the database's name.
/// </summary>
internal static class SqliteRestore
{
    /// <summary>Replaces <paramref name="target"/> with a copy of <paramref name="backup"/>; returns where the replaced database is kept (null when there was none).</summary>
    public static string? Replace(string backup, string target, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var incoming = target + ".restoring";
        CopyDurably(backup, incoming);

        var kept = target + ".before-restore-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var replaced = File.Exists(target);
        foreach (var suffix in new[] { string.Empty, "-wal", "-journal" })
        {
            if (File.Exists(target + suffix))
            {
                File.Move(target + suffix, kept + suffix);
            }
        }

        File.Delete(target + "-shm");
        File.Move(incoming, target);
        return replaced ? kept : null;
    }

    private static void CopyDurably(string from, string to)
    {
        using (var source = File.OpenRead(from))
        using (var destination = new FileStream(to, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            source.CopyTo(destination);
            destination.Flush(flushToDisk: true);
        }
    }
}
