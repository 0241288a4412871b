using LibraryBot.Bot.Storage.Sqlite;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>The store's lock: shared by everything that opens the store, exclusive for restore.</summary>
public sealed class SqliteFileLockTests
{
    [Fact]
    public void TryTakeExclusive_WhileTheStoreIsOpen_ReturnsNullUntilItIsClosed()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("librarybot-lock-").FullName, "bot.db");
        using (var server = SqliteFileLock.TryShare(path))
        using (var command = SqliteFileLock.TryShare(path))
        {
            Assert.NotNull(server);
            Assert.NotNull(command);
            Assert.Null(SqliteFileLock.TryTakeExclusive(path));
        }

        using var restore = SqliteFileLock.TryTakeExclusive(path);
        Assert.NotNull(restore);
        Assert.Null(SqliteFileLock.TryShare(path));
    }

    [Fact]
    public void SqliteDatabase_WhileARestoreHoldsTheLock_RefusesToOpenTheStore()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("librarybot-lock-").FullName, "bot.db");
        using var restore = SqliteFileLock.TryTakeExclusive(path);

        var refused = Assert.Throws<InvalidOperationException>(() => new SqliteDatabase(path));

        Assert.Equal($"The database {path} is being restored (the restore command holds {path}.lock); start again when it has finished.", refused.Message);
        Assert.False(File.Exists(path));
    }
}
