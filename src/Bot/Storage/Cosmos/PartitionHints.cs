using System.Collections.Concurrent;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// Remembers, in this process, which conversation (partition) recent inbox dedupe keys, reply ids and channel message
/// ids belong to, so the hot lookups (the passive-reply wait polls, marking a claimed reply sent, delivery receipts)
/// are point reads instead of cross-partition queries. A miss (another process appended, claimed or sent) falls back
/// to the query. Bounded: the oldest hints are forgotten first.
/// </summary>
internal sealed class PartitionHints
{
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void RememberInbound(string dedupeKey, string conversationKey) => Remember("i:" + dedupeKey, conversationKey);

    public void RememberReply(long id, string conversationKey) => Remember($"r:{id}", conversationKey);

    public void RememberChannelMessage(string channelMessageId, string conversationKey) => Remember("m:" + channelMessageId, conversationKey);

    public string? ForChannelMessage(string channelMessageId) => _byKey.GetValueOrDefault("m:" + channelMessageId);

    public string? ForInbound(string dedupeKey) => _byKey.GetValueOrDefault("i:" + dedupeKey);

    public string? ForReply(long id) => _byKey.GetValueOrDefault($"r:{id}");

    private void Remember(string key, string conversationKey)
    {
        if (_byKey.TryAdd(key, conversationKey))
        {
            _order.Enqueue(key);
        }

        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _byKey.TryRemove(oldest, out _);
        }
    }
}
