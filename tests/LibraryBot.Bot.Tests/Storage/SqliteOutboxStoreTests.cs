using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteOutboxStoreTests : OutboxStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();
}
