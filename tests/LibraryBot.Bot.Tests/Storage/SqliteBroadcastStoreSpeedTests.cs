using System.Diagnostics;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Contracts.Storage;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Planning a large audience on SQLite, measured alone (no other test of this run in parallel).</summary>
[Collection(SqliteBroadcastStoreSpeedTests.Alone)]
public sealed class SqliteBroadcastStoreSpeedTests : IAsyncLifetime
{
    public const string Alone = "Broadcast store speed, run alone";

    private StorageSubject _subject = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _subject = await SqliteSubjects.CreateAsync();

    public ValueTask DisposeAsync() => _subject.DisposeAsync();

    [Fact]
    public async Task AddRecipientsAsync_OfAHundredThousandChatsInOneCall_TakesWellUnderFiveSeconds()
    {
        var now = StorageSubject.Start;
        var recipients = Enumerable.Range(0, 100_000)
            .Select(i => new BroadcastRecipient("b-big", $"wa:15550001111:346{i:00000000}", "whatsapp", "es", i % 10 == 0 ? RecipientStatus.Excluded : RecipientStatus.Pending,
                i % 10 == 0 ? "no-consent" : null, now))
            .ToList();

        var watch = Stopwatch.StartNew();
        var added = await _subject.Broadcasts.AddRecipientsAsync(recipients, Ct);
        watch.Stop();

        Assert.Equal(100_000, added);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100,000 recipients took {watch.Elapsed.TotalSeconds:0.00} s");
        var pending = await _subject.Broadcasts.PendingAsync("b-big", 3, Ct);
        Assert.Equal(["wa:15550001111:34600000001", "wa:15550001111:34600000002", "wa:15550001111:34600000003"], pending.Select(p => p.ConversationKey));
        var funnel = await _subject.Broadcasts.FunnelAsync("b-big", Ct);
        Assert.Equal((100_000, 10_000, 90_000), (funnel.Audience, funnel.Excluded, funnel.Pending));
    }
}

[CollectionDefinition(SqliteBroadcastStoreSpeedTests.Alone, DisableParallelization = true)]
public sealed class SqliteBroadcastStoreSpeedCollection;
