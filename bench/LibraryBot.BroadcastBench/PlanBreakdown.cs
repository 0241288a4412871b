using System.Diagnostics;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.BroadcastBench;

/// <summary>
/// Where planning goes: the store and ledger calls <see cref="AudiencePlanner.PlanAsync"/> makes, each timed alone over
/// the whole audience in the planner's batch size (the planner's own work is the rest).
/// </summary>
internal static class PlanBreakdown
{
    private const int BatchSize = 500;

    public static async Task<string> MeasureAsync(IServiceProvider services, string topic)
    {
        var store = services.GetRequiredService<IBroadcastStore>();
        var ledger = services.GetRequiredService<IConsentLedger>();
        var conversations = services.GetRequiredService<IConversationStore>();
        var parts = new List<string>();
        var watch = Stopwatch.StartNew();
        var keys = await store.SubscribersAsync(CancellationToken.None);
        parts.Add($"subscribers {watch.Elapsed.TotalSeconds:F2} s");

        watch.Restart();
        await ledger.LatestAsync(ConsentPurposes.News, CancellationToken.None);
        await ledger.LatestAsync(BroadcastOptions.Purpose(topic), CancellationToken.None);
        parts.Add($"latest consent per purpose (news, news:{topic}) {watch.Elapsed.TotalSeconds:F2} s");

        watch.Restart();
        foreach (var batch in keys.Chunk(BatchSize))
        {
            await conversations.LoadManyAsync(batch, CancellationToken.None);
        }

        parts.Add($"chat states {watch.Elapsed.TotalSeconds:F2} s");

        watch.Restart();
        var since = DateTimeOffset.UtcNow.AddDays(-7);
        foreach (var batch in keys.Chunk(BatchSize))
        {
            await store.SentSinceAsync(batch, since, CancellationToken.None);
        }

        parts.Add($"weekly cap {watch.Elapsed.TotalSeconds:F2} s");

        watch.Restart();
        foreach (var key in keys)
        {
            if (ConversationIds.TryParseRef(key, out var address))
            {
                await ledger.HashAsync(address, CancellationToken.None);
            }
        }

        parts.Add($"address hashes {watch.Elapsed.TotalSeconds:F2} s");
        return string.Join(", ", parts);
    }
}
