using LibraryBot.Bot.Notices;
using LibraryBot.Contracts.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// The notice benchmark (bench/LibraryBot.NoticeBench, 100,000 patrons) in small: a few batches of linked patrons on the
/// demo library, one run plans exactly what their loans and holds call for, once, and a second run nothing.
/// </summary>
public sealed class NoticeScaleSmokeTests
{
    [Fact]
    public async Task Run_OverSeveralBatchesOfLinkedPatrons_PlansWhatTheLibraryCallsForOnceAndTheNextRunNothing()
    {
        var directory = Directory.CreateTempSubdirectory("librarybot-notice-scale-");
        try
        {
            await using var scale = NoticeScale.Open(directory.FullName);
            var seeded = await scale.SeedAsync((2 * NoticeRun.BatchSize) + 137, cancellationToken: TestContext.Current.CancellationToken);
            var run = scale.Services.GetRequiredService<NoticeRun>();

            var first = await run.RunAsync("test", TestContext.Current.CancellationToken);
            var ledger = scale.Ledger();
            var second = await run.RunAsync("test", TestContext.Current.CancellationToken);

            Assert.True(seeded.DueSoon > 0 && seeded.Overdue > 0 && seeded.HoldReady > 0 && seeded.HoldExpiring > 0, $"the seed lacks a kind: {seeded}");
            Assert.Equal((NoticeRunReport.Done, seeded.Patrons, seeded.Notices, seeded.ChatsWithNotices), (first.Outcome, first.Chats, first.Notices, first.Digests));
            Assert.Empty(first.Skipped);
            Assert.Equal(((long)seeded.Notices, (long)first.Digests, false), (ledger.Notices, ledger.InboxDigests, ledger.HasDuplicates));
            Assert.Equal((NoticeRunReport.Done, 0, 0, 0), (second.Outcome, second.Notices, second.Digests, second.Resumed));
            Assert.Equal(ledger, scale.Ledger());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
