using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// One notice and how far it got: <see cref="Delivery"/> is <c>planned</c>, <c>queued</c>, <c>sent</c>,
/// <c>delivered</c>, <c>read</c>, <c>failed</c> or <c>skipped</c>, with the channel's error code and reason when it failed.
/// </summary>
public sealed record NoticeRecord(
    PlannedNotice Notice,
    string DigestId,
    ChannelId Channel,
    DateTimeOffset PlannedAt,
    string Delivery,
    string? ErrorCode,
    string? Reason);
