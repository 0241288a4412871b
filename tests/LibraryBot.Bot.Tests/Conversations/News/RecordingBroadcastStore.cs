using LibraryBot.Bot.Broadcasts;

namespace LibraryBot.Bot.Tests.Conversations.News;

/// <summary>
/// The broadcast ledger's subscriber and opt-out calls, recorded (the rest of the ledger is not used by the sign-up
/// conversation, and says so if it ever is).
/// </summary>
public sealed class RecordingBroadcastStore : IBroadcastStore
{
    public List<string> Subscribed { get; } = [];

    public List<(string ConversationKey, DateTimeOffset At)> OptedOut { get; } = [];

    public Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Subscribed.Add(conversationKey);
        return Task.CompletedTask;
    }

    public Task RemoveSubscriberAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Subscribed.RemoveAll(k => k == conversationKey);
        return Task.CompletedTask;
    }

    public Task MarkOptedOutAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        OptedOut.Add((conversationKey, now));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(Subscribed.Distinct().ToList());

    public Task CreateAsync(Broadcast broadcast, CancellationToken cancellationToken) => throw Unused();

    public Task<Broadcast?> GetAsync(string broadcastId, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<Broadcast>> ListAsync(int limit, CancellationToken cancellationToken) => throw Unused();

    public Task<Broadcast?> TransitionAsync(string broadcastId, IReadOnlyCollection<BroadcastStatus> from, BroadcastStatus to, DateTimeOffset now, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<Broadcast>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw Unused();

    public Task<int> AddRecipientsAsync(IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<BroadcastRecipient>> PendingAsync(string broadcastId, int limit, CancellationToken cancellationToken) => throw Unused();

    public Task<BroadcastRecipient?> FindRecipientAsync(string broadcastId, string conversationKey, CancellationToken cancellationToken) => throw Unused();

    public Task MarkAsync(string broadcastId, IReadOnlyCollection<string> conversationKeys, RecipientStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyDictionary<string, int>> SentSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<RecipientDelivery>> RecipientsAsync(string broadcastId, RecipientStatus? status, int offset, int limit, CancellationToken cancellationToken) => throw Unused();

    public Task<BroadcastFunnel> FunnelAsync(string broadcastId, CancellationToken cancellationToken) => throw Unused();

    public Task AddMassSendAsync(MassSendJob job, CancellationToken cancellationToken) => throw Unused();

    public Task SetMassSendMsgIdAsync(string broadcastId, string clientMsgId, string msgId, CancellationToken cancellationToken) => throw Unused();

    public Task<string?> FinishMassSendAsync(string msgId, string status, int sentCount, int errorCount, int filterCount, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<MassSendJob>> MassSendsAsync(string broadcastId, CancellationToken cancellationToken) => throw Unused();

    public Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) => throw Unused();

    public Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken) => throw Unused();

    private static NotSupportedException Unused() => new("The news sign-up conversation does not use this part of the broadcast ledger.");
}
