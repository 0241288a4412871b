using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteInboxStoreTests : InboxStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();
}
