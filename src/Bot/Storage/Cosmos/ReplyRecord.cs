using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// One reply as stored in Cosmos DB: inside its conversation's document while pending (and for a while after),
/// later in an <see cref="ArchivedReplyDocument"/> of the same partition.
/// </summary>
internal sealed class ReplyRecord
{
    public required long Id { get; init; }

    public required ConversationRef To { get; init; }

    public required OutboundMessage Message { get; init; }

    public required string Locale { get; init; }

    public string? InboundDedupeKey { get; init; }

    /// <summary>The producing turn's span (W3C traceparent), when tracing is on.</summary>
    public string? TraceParent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not sent before this time (hold-back or retry), in Unix milliseconds.</summary>
    public long NextAttemptAtMs { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseUntilMs { get; set; }

    public string? ChannelMessageId { get; set; }

    public DeliveryState? DeliveryState { get; set; }

    public string? ErrorCode { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public static ReplyRecord From(long id, OutboundRecord record) => new()
    {
        Id = id,
        To = record.To,
        Message = record.Message,
        Locale = record.Locale,
        InboundDedupeKey = record.InboundDedupeKey,
        TraceParent = record.TraceParent,
        CreatedAt = record.CreatedAt,
        NextAttemptAtMs = (record.NotBefore ?? record.CreatedAt).ToUnixTimeMilliseconds(),
    };

    public bool IsLeased(DateTimeOffset now) => LeaseUntilMs is { } until && until >= now.ToUnixTimeMilliseconds();

    /// <summary>Ends the reply's life in the outbox (sent, stopped, or answered passively) and releases its lease.</summary>
    public void Finish(OutboxStatus status, DateTimeOffset now)
    {
        Status = status;
        FinishedAt = now;
        LeaseOwner = null;
        LeaseUntilMs = null;
    }

    /// <summary>Receipts may come in any order: the most advanced state wins (failed over read over delivered over sent).</summary>
    public void ApplyReceipt(DeliveryStatus status)
    {
        if (DeliveryState is { } current && current >= status.State)
        {
            return;
        }

        DeliveryState = status.State;
        if (status.State == Channels.Activities.DeliveryState.Failed)
        {
            ErrorCode = status.ErrorCode;
            Reason = status.ErrorMessage;
        }
    }

    public OutboxItem ToItem(DateTimeOffset? lastInboundAt) =>
        new(Id, To, Message, Locale, Status, Attempts, CreatedAt, lastInboundAt, ChannelMessageId, DeliveryState, ErrorCode, Reason, InboundDedupeKey, TraceParent);
}
