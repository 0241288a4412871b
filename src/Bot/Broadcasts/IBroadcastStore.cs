namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The broadcast ledger: chats that ever signed up for news, the broadcasts staff wrote, every recipient of each (unique
/// per broadcast and chat, so none is sent twice, also across a crash or two instances), WeChat mass-send jobs, and the
/// dispatch lease. Delivery (sent, delivered, read, failed) is read from the outbox reply of the recipient's turn, whose
/// inbound dedupe key is <see cref="BroadcastKeys.DedupeKey"/>.
/// </summary>
public interface IBroadcastStore
{
    /// <summary>Remembers a chat that signed up for a topic (the audience is checked against the consent ledger each time).</summary>
    Task AddSubscriberAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a chat's sign-up ("delete my data"); its recipient rows stay (they hold no message text).</summary>
    Task RemoveSubscriberAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Every chat that ever signed up, oldest first.</summary>
    Task<IReadOnlyList<string>> SubscribersAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new broadcast (its id is new).</summary>
    Task CreateAsync(Broadcast broadcast, CancellationToken cancellationToken);

    Task<Broadcast?> GetAsync(string broadcastId, CancellationToken cancellationToken);

    /// <summary>Broadcasts, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Broadcast>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the broadcast to <paramref name="to"/> only if its status is one of <paramref name="from"/> (so two
    /// instances or two clicks never both win), stamping <see cref="Broadcast.StartedAt"/> the first time it becomes
    /// Sending and <see cref="Broadcast.FinishedAt"/> when it becomes Finished or Cancelled. Returns the broadcast as
    /// stored after the change, or null when the broadcast is missing or its status was not one of <paramref name="from"/>.
    /// </summary>
    Task<Broadcast?> TransitionAsync(string broadcastId, IReadOnlyCollection<BroadcastStatus> from, BroadcastStatus to, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Broadcasts Sending, and Scheduled ones without a send time (send now) or whose send time is at or before <paramref name="now"/>; oldest first.</summary>
    Task<IReadOnlyList<Broadcast>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the recipients (any status: excluded ones are kept with their reason); a chat already in the broadcast is
    /// left as it is. Returns how many were added.
    /// </summary>
    Task<int> AddRecipientsAsync(IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken);

    /// <summary>The broadcast's Pending recipients in the order they were added, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<BroadcastRecipient>> PendingAsync(string broadcastId, int limit, CancellationToken cancellationToken);

    /// <summary>One recipient, or null when the chat is not in the broadcast.</summary>
    Task<BroadcastRecipient?> FindRecipientAsync(string broadcastId, string conversationKey, CancellationToken cancellationToken);

    /// <summary>Sets the status and reason of the broadcast's recipients for these chats (chats not in it are ignored).</summary>
    Task MarkAsync(string broadcastId, IReadOnlyCollection<string> conversationKeys, RecipientStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// How many broadcasts each chat asked was sent (recipient Queued or MassSend, updated at or after
    /// <paramref name="since"/>): the frequency cap. A chat with none is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> SentSinceAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// The chat opted out of news at <paramref name="now"/>: every recipient row of the chat sent within the seven days
    /// before counts as "opted out within 7 days" in its broadcast's funnel.
    /// </summary>
    Task MarkOptedOutAsync(string conversationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The broadcast's recipients with their delivery, in the order added, optionally of one status; paged.</summary>
    Task<IReadOnlyList<RecipientDelivery>> RecipientsAsync(string broadcastId, RecipientStatus? status, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The broadcast's funnel (recipients, their outbox receipts and its WeChat mass-send jobs).</summary>
    Task<BroadcastFunnel> FunnelAsync(string broadcastId, CancellationToken cancellationToken);

    /// <summary>Records a WeChat mass send before it is called (idempotent on <see cref="MassSendJob.ClientMsgId"/>).</summary>
    Task AddMassSendAsync(MassSendJob job, CancellationToken cancellationToken);

    /// <summary>Stores the msg_id WeChat answered for the job.</summary>
    Task SetMassSendMsgIdAsync(string broadcastId, string clientMsgId, string msgId, CancellationToken cancellationToken);

    /// <summary>Records a <c>MASSSENDJOBFINISH</c> for the job with that msg_id; returns the job's broadcast id, or null when no job has it (not ours).</summary>
    Task<string?> FinishMassSendAsync(string msgId, string status, int sentCount, int errorCount, int filterCount, CancellationToken cancellationToken);

    Task<IReadOnlyList<MassSendJob>> MassSendsAsync(string broadcastId, CancellationToken cancellationToken);

    /// <summary>Takes the dispatch lease until <paramref name="until"/> unless another owner holds it (a lease held until <paramref name="now"/> or earlier has lapsed).</summary>
    Task<bool> TryLeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string owner, CancellationToken cancellationToken);
}
