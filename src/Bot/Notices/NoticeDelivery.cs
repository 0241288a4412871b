using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>A notice's place in the funnel, from its own status and its digest's reply in the outbox.</summary>
public static class NoticeDelivery
{
    public const string Planned = "planned";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly string[] All = [Planned, Queued, Sent, Delivered, Read, Failed, Skipped];

    public static string Of(NoticeStatus status, OutboxStatus? reply, DeliveryState? receipt) =>
        status == NoticeStatus.Skipped ? Skipped
        : reply is null ? status == NoticeStatus.Planned ? Planned : Queued
        : reply is OutboxStatus.Failed or OutboxStatus.Held || receipt == DeliveryState.Failed ? Failed
        : receipt == DeliveryState.Read ? Read
        : receipt == DeliveryState.Delivered ? Delivered
        : reply is OutboxStatus.Sent or OutboxStatus.SentPassively ? Sent
        : Queued;

    /// <summary>
    /// A notice as listed: its place in the funnel, with the channel's error code and reason when its reply failed, or
    /// its own reason when it was skipped. <paramref name="reply"/> is the digest's first reply in the outbox, if any.
    /// </summary>
    public static NoticeRecord Record(
        PlannedNotice notice, string digestId, string conversationKey, DateTimeOffset plannedAt, NoticeStatus status, string? reason, Reply? reply)
    {
        var delivery = Of(status, reply?.Status, reply?.Receipt);
        return new NoticeRecord(notice, digestId, ChannelOf(conversationKey), plannedAt, delivery,
            delivery == Failed ? reply?.ErrorCode : null,
            delivery == Failed ? reply?.Reason ?? reason : delivery == Skipped ? reason : null);
    }

    /// <summary>What the outbox knows of a digest's reply.</summary>
    public sealed record Reply(OutboxStatus Status, DeliveryState? Receipt, string? ErrorCode, string? Reason);

    /// <summary>The channel of a chat, from its conversation key.</summary>
    public static ChannelId ChannelOf(string conversationKey) =>
        Handoff.ConversationIds.TryParseRef(conversationKey, out var address) ? address.Channel : ChannelId.WhatsApp;
}
