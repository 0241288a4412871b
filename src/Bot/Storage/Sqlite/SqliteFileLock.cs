namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>
/// An advisory lock on a file beside the store (<c>&lt;database&gt;.lock</c>). Every process that has the store open —
/// the server, and the <c>backup</c> and <c>create-staff</c> commands — holds it shared; <c>restore</c> takes it
/// exclusively, so a restore refuses while any of them runs and none of them starts while a restore runs. The
/// operating system drops the lock when the process ends, even when it is killed (on Linux it is an <c>flock</c>,
/// which .NET takes for <see cref="FileShare"/>; setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns it off).
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteFileLock(FileStream file) => _file = file;

    /// <summary>The lock file of a database file.</summary>
    public static string PathOf(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock shared (several processes may hold it); null while a restore holds it.</summary>
    public static SqliteFileLock? TryShare(string databasePath) => TryTake(databasePath, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>Takes the lock for this process alone; null while any other process holds it.</summary>
    public static SqliteFileLock? TryTakeExclusive(string databasePath) => TryTake(databasePath, FileAccess.ReadWrite, FileShare.None);

    public void Dispose() => _file.Dispose();

    private static SqliteFileLock? TryTake(string databasePath, FileAccess access, FileShare share)
    {
        try
        {
            return new SqliteFileLock(new FileStream(PathOf(databasePath), FileMode.OpenOrCreate, access, share));
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            // Held in a mode that excludes ours (.NET reports a sharing violation).
            return null;
        }
    }
}
