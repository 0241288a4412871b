using System.Text.Json.Serialization;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// A conversation in Cosmos DB: its state, the inbox entries its turns consumed, and its replies (all pending ones and
/// the most recent finished ones), so a turn commits with one conditional write.
/// </summary>
internal sealed class ConversationDocument
{
    public const string DocumentId = "conversation";
    public const string DocumentType = "conversation";

    /// <summary>Finished replies kept in the document; older ones move to archive documents.</summary>
    public const int FinishedKept = 20;

    /// <summary>Inbox sequences of the latest consumed entries (the second line against running a turn twice).</summary>
    public const int ConsumedKept = 64;

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required ConversationState State { get; set; }

    public List<long> Consumed { get; set; } = [];

    /// <summary>Replies in id order.</summary>
    public List<ReplyRecord> Outbox { get; set; } = [];

    /// <summary>When the oldest pending reply may be claimed (Unix ms), absent when none is pending: the dispatcher's query key.</summary>
    public long? HeadReadyAtMs { get; set; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public ReplyRecord? Head() => Outbox.FirstOrDefault(r => r.Status == OutboxStatus.Pending);

    /// <summary>Recomputes <see cref="HeadReadyAtMs"/>; call before every write.</summary>
    public void Refresh()
    {
        ETag = null;
        HeadReadyAtMs = Head() switch
        {
            null => null,
            { LeaseUntilMs: { } until } head => Math.Max(head.NextAttemptAtMs, until + 1),
            var head => head.NextAttemptAtMs,
        };
    }

    public void RememberConsumed(long sequence)
    {
        Consumed.Add(sequence);
        if (Consumed.Count > ConsumedKept)
        {
            Consumed.RemoveRange(0, Consumed.Count - ConsumedKept);
        }
    }

    /// <summary>Removes and returns the oldest finished replies beyond <see cref="FinishedKept"/>.</summary>
    public List<ReplyRecord> TakeArchivable()
    {
        var finished = Outbox.Where(r => r.Status != OutboxStatus.Pending).ToList();
        var excess = finished.Take(Math.Max(0, finished.Count - FinishedKept)).ToList();
        Outbox.RemoveAll(excess.Contains);
        return excess;
    }
}
