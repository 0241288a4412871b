using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>An inbox entry, in its conversation's partition; its id is a hash of the dedupe key, so a repeat is a 409.</summary>
internal sealed class InboxDocument
{
    public const string DocumentType = "inbox";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required long Seq { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The activity; erased when the entry is consumed.</summary>
    public Activity? Payload { get; set; }

    public bool Done { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public static string IdFor(string dedupeKey) =>
        "inbox-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)));
}

/// <summary>The claim of a conversation's inbox entries by one worker, until a time.</summary>
internal sealed class InboxLeaseDocument
{
    public const string DocumentId = "inbox-lease";

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = "lease";

    public required string Owner { get; set; }

    public required long UntilMs { get; set; }
}

/// <summary>A finished reply moved out of its conversation's document.</summary>
internal sealed class ArchivedReplyDocument
{
    public const string DocumentType = "reply";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required ReplyRecord Reply { get; set; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public static ArchivedReplyDocument For(string conversationKey, ReplyRecord reply) =>
        new() { Id = $"reply-{reply.Id}", Pk = conversationKey, Reply = reply };
}

/// <summary>What a send did to the recipient's standing, one document per effect.</summary>
internal sealed class RecipientEffectDocument
{
    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = "effect";

    public required string Effect { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset SetAt { get; init; }
}

/// <summary>A named counter (inbox sequence, outbox ids) in its own partition.</summary>
internal sealed class CounterDocument
{
    public const string Partition = "_counters";

    public required string Id { get; init; }

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "counter";

    public long Value { get; set; }
}

/// <summary>A query row naming a partition.</summary>
internal sealed record PartitionRow(string Pk);

/// <summary>A query row: a conversation's key and state (the queue and the pickup batch's look-ups).</summary>
internal sealed record ConversationStateRow(string Pk, Engine.ConversationState State);
