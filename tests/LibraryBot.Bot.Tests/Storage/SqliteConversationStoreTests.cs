using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteConversationStoreTests : ConversationStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();
}
