using System.Collections.Concurrent;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// A receipt for a broadcast's message (delivered, read, failed) changes its funnel: consoles are told, at most once a
/// second per broadcast (a large broadcast's receipts arrive by the thousand).
/// </summary>
public sealed class BroadcastReceipts(BroadcastChanges changes, TimeProvider clock) : IDeliveryReceiptObserver
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _told = new(StringComparer.Ordinal);

    public async Task OnReceiptAsync(OutboxItem item, DeliveryStatus status, CancellationToken cancellationToken)
    {
        if (item.InboundDedupeKey is not { } key || !key.StartsWith(BroadcastKeys.DedupePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var rest = key.AsSpan(BroadcastKeys.DedupePrefix.Length);
        var end = rest.IndexOf(':');
        var broadcastId = (end < 0 ? rest : rest[..end]).ToString();
        var now = clock.GetUtcNow();
        if (_told.TryGetValue(broadcastId, out var last) && now - last < Every)
        {
            return;
        }

        _told[broadcastId] = now;
        await changes.ChangedAsync(broadcastId, cancellationToken).ConfigureAwait(false);
    }
}
