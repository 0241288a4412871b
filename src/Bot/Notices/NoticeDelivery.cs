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
}
