using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>Partition keys and document ids of the broadcast ledger in Cosmos DB (see <see cref="CosmosBroadcastStore"/>).</summary>
internal static class BroadcastPartitions
{
    /// <summary>Every broadcast's own document: few, written by staff, listed by the console and the dispatcher.</summary>
    public const string Broadcasts = "_broadcasts";

    /// <summary>The partition of one broadcast's recipients, its recipient counter and its mass-send jobs.</summary>
    public static string Of(string broadcastId) => "_broadcast:" + broadcastId;

    /// <summary>The partition of the pointer from a WeChat msg_id to its job (a <c>MASSSENDJOBFINISH</c> names only the msg_id).</summary>
    public static string OfMsgId(string msgId) => "_broadcast-msg:" + msgId;

    /// <summary>A document id made of any string (ids may not hold '/', '\', '?' or '#').</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>One broadcast as staff wrote it, with its status (partition <c>_broadcasts</c>).</summary>
internal sealed class BroadcastDocument
{
    public const string DocumentType = "broadcast";

    public required string Id { get; init; }

    public string Pk { get; init; } = BroadcastPartitions.Broadcasts;

    public string Type { get; init; } = DocumentType;

    public required Broadcast Broadcast { get; set; }

    public required BroadcastStatus Status { get; set; }

    public long? SendAtMs { get; set; }

    public required long CreatedAtMs { get; init; }

    public static string IdFor(string broadcastId) => "broadcast-" + BroadcastPartitions.Hash(broadcastId);

    public static BroadcastDocument For(Broadcast broadcast) => new()
    {
        Id = IdFor(broadcast.Id),
        Broadcast = broadcast,
        Status = broadcast.Status,
        SendAtMs = broadcast.SendAt?.ToUnixTimeMilliseconds(),
        CreatedAtMs = broadcast.CreatedAt.ToUnixTimeMilliseconds(),
    };
}

/// <summary>
/// One chat in a broadcast (partition of the broadcast): its id is a hash of the conversation key, so adding the chat
/// again is a 409; <see cref="Seq"/> keeps the order recipients were added.
/// </summary>
internal sealed class BroadcastRecipientDocument
{
    public const string DocumentType = "broadcastRecipient";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required string BroadcastId { get; init; }

    public required string Chat { get; init; }

    public required string Channel { get; init; }

    public required string Language { get; init; }

    public required RecipientStatus Status { get; set; }

    public string? Reason { get; set; }

    public required long UpdatedAtMs { get; set; }

    public long? OptedOutAtMs { get; set; }

    public required long Seq { get; init; }

    public static string IdFor(string conversationKey) => "recipient-" + BroadcastPartitions.Hash(conversationKey);

    public static BroadcastRecipientDocument For(BroadcastRecipient recipient, long seq) => new()
    {
        Id = IdFor(recipient.ConversationKey),
        Pk = BroadcastPartitions.Of(recipient.BroadcastId),
        BroadcastId = recipient.BroadcastId,
        Chat = recipient.ConversationKey,
        Channel = recipient.Channel,
        Language = recipient.Language,
        Status = recipient.Status,
        Reason = recipient.Reason,
        UpdatedAtMs = recipient.UpdatedAt.ToUnixTimeMilliseconds(),
        Seq = seq,
    };

    public BroadcastRecipient ToRecipient() =>
        new(BroadcastId, Chat, Channel, Language, Status, Reason, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs));
}

/// <summary>
/// The broadcasts sent to one chat (Queued or MassSend) and when, in the chat's partition: the frequency cap and the
/// opt-out window read it with one point read instead of a query across every broadcast.
/// </summary>
internal sealed class BroadcastSendLogDocument
{
    public const string DocumentId = "broadcast-sends";

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = "broadcastSends";

    /// <summary>Broadcast id → when its message was sent to the chat (Unix ms).</summary>
    public Dictionary<string, long> Sends { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A chat that signed up for news, in the chat's partition.</summary>
internal sealed class BroadcastSubscriberDocument
{
    public const string DocumentType = "broadcastSubscriber";
    public const string DocumentId = "broadcast-subscriber";

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required long SinceMs { get; init; }
}

/// <summary>A WeChat mass send of a broadcast (its partition); its id is a hash of the client msg id, so a retry is a 409.</summary>
internal sealed class MassSendDocument
{
    public const string DocumentType = "broadcastMassSend";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required MassSendJob Job { get; set; }

    public required long CreatedAtMs { get; init; }

    public static string IdFor(string clientMsgId) => "mass-send-" + BroadcastPartitions.Hash(clientMsgId);

    public static MassSendDocument For(MassSendJob job) => new()
    {
        Id = IdFor(job.ClientMsgId),
        Pk = BroadcastPartitions.Of(job.BroadcastId),
        Job = job,
        CreatedAtMs = job.CreatedAt.ToUnixTimeMilliseconds(),
    };
}

/// <summary>Which broadcast's job WeChat's msg_id belongs to (partition of the msg_id).</summary>
internal sealed class MassSendMsgDocument
{
    public const string DocumentId = "mass-send-msg";

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = "broadcastMassSendMsg";

    public required string BroadcastId { get; init; }

    public required string ClientMsgId { get; init; }
}
