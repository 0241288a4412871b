using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteConsentLedgerTests : ConsentLedgerContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();
}
