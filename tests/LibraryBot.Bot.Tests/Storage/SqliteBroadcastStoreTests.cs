using LibraryBot.Bot.Broadcasts;
using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

public sealed class SqliteBroadcastStoreTests : BroadcastStoreContract
{
    protected override Task<StorageSubject> CreateSubjectAsync() => SqliteSubjects.CreateAsync();

    [Fact]
    public async Task AddRecipientsAsync_OfAHundredThousandChatsInOneCall_KeepsThemAllInOrder()
    {
        var now = StorageSubject.Start;
        var recipients = Enumerable.Range(0, 100_000)
            .Select(i => new BroadcastRecipient("b-big", $"wa:15550001111:346{i:00000000}", "whatsapp", "es", i % 10 == 0 ? RecipientStatus.Excluded : RecipientStatus.Pending,
                i % 10 == 0 ? "no-consent" : null, now))
            .ToList();

        // How fast is measured by the broadcast benchmark (docs/benchmarks.md), not here.
        var added = await Subject.Broadcasts.AddRecipientsAsync(recipients, Ct);

        Assert.Equal(100_000, added);
        var pending = await Subject.Broadcasts.PendingAsync("b-big", 3, Ct);
        Assert.Equal(["wa:15550001111:34600000001", "wa:15550001111:34600000002", "wa:15550001111:34600000003"], pending.Select(p => p.ConversationKey));
        var funnel = await Subject.Broadcasts.FunnelAsync("b-big", Ct);
        Assert.Equal((100_000, 10_000, 90_000), (funnel.Audience, funnel.Excluded, funnel.Pending));
    }
}
