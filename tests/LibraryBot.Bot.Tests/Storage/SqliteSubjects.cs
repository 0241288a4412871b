using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Builds the SQLite stores on a fresh temporary database file, deleted afterwards.</summary>
internal static class SqliteSubjects
{
    public static Task<StorageSubject> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("librarybot-sqlite-");
        var database = new SqliteDatabase(Path.Combine(folder.FullName, "store.db"));
        var clock = StorageSubject.NewClock();
        return Task.FromResult(new StorageSubject(
            new SqliteConversationStore(database, clock),
            new SqliteInboxStore(database),
            new SqliteOutboxStore(database),
            new LibraryBot.Bot.Consent.SqliteConsentLedger(database),
            new LibraryBot.Bot.Notices.SqliteNoticeStore(database),
            new LibraryBot.Bot.Broadcasts.SqliteBroadcastStore(database),
            new ConsoleStores(
                new SqliteStaffStore(database),
                new SqliteTranscriptStore(database),
                new SqliteHandoffQueue(database),
                new SqlitePatronChats(database),
                key => database.ReadAsync(connection =>
                {
                    using var count = connection.Command("SELECT COUNT(*) FROM handoff_ratings WHERE conversation_key = $k").With("$k", key);
                    return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                }, TestContext.Current.CancellationToken)),
            clock,
            async () =>
            {
                await database.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }));
    }
}
