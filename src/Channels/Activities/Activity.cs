using System.Text.Json.Serialization;

namespace LibraryBot.Channels.Activities;

/// <summary>
/// One inbound event from a channel, normalised. No channel-specific field reaches the engine:
/// adapters map their payloads to this and nothing else.
/// </summary>
public sealed record Activity
{
    public required ConversationRef Conversation { get; init; }

    [JsonIgnore]
    public ChannelId Channel => Conversation.Channel;

    public required ActivityType Type { get; init; }

    /// <summary>Unique per delivery on its channel (wamid, WeChat MsgId, FromUserName+CreateTime): repeated deliveries share it.</summary>
    public required string DedupeKey { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? SenderName { get; init; }

    /// <summary>Another id the channel knows the patron by (WhatsApp: the phone number when keyed by business-scoped id, or the reverse).</summary>
    public string? AlternateUserId { get; init; }

    public string? Text { get; init; }

    /// <summary>The id of the choice the patron picked (for <see cref="ActivityType.ChoiceReply"/>).</summary>
    public string? ChoiceId { get; init; }

    public GeoLocation? Location { get; init; }

    public MediaRef? Media { get; init; }

    public ChannelEvent? Event { get; init; }

    public DeliveryStatus? Status { get; init; }

    /// <summary>A language hint from the channel (e.g. a country calling code or the account's default language), BCP 47.</summary>
    public string? LocaleHint { get; init; }

    /// <summary>The channel message id of ours that this activity replies to, if the channel says.</summary>
    public string? ReplyToChannelMessageId { get; init; }

    /// <summary>
    /// Set when the webhook that delivered this activity waits for the turn's first reply to answer in its own
    /// HTTP response (see <see cref="Abstractions.IPassiveReplyBroker"/>): the outbox holds that reply until then.
    /// </summary>
    public DateTimeOffset? AwaitingReplyUntil { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the span that stored this activity in the inbox (set by the host when tracing is
    /// on), so its turn continues the webhook's trace even in another process or after a restart. Random ids only.
    /// </summary>
    public string? TraceParent { get; init; }
}
