using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteNoticeStoreTests : NoticeStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();
}
