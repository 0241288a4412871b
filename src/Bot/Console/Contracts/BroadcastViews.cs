namespace LibraryBot.Bot.Console.Contracts;

/// <summary>A segment's live count: chats that would get the broadcast, and those left out by reason.</summary>
public sealed record AudienceCountView(int AudienceCount, IReadOnlyDictionary<string, int> Excluded);

/// <summary>201 for <c>POST /api/staff/broadcasts</c>: the new draft's id and its audience now.</summary>
public sealed record BroadcastCreatedView(string Id, int AudienceCount, IReadOnlyDictionary<string, int> Excluded);

/// <summary>A broadcast in the list: status and the funnel's main counts.</summary>
public sealed record BroadcastSummaryView(
    string Id, string Name, string Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SendAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, int Audience, int Sent, int Delivered, int Read, int Failed, int Excluded);

/// <summary>One broadcast: what it says, to whom, where it stands, and its funnel.</summary>
public sealed record BroadcastView(
    string Id, string Name, string Status, AudienceView Audience, IReadOnlyDictionary<string, string> Content, string? ImageUrl, string? Link,
    TemplateView? WhatsAppTemplate, DateTimeOffset? SendAt, int RatePerSecond, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, FunnelView Funnel);

public sealed record AudienceView(IReadOnlyList<string> Topics, IReadOnlyList<string> Branches, IReadOnlyList<string> Languages, IReadOnlyList<string> Channels);

public sealed record TemplateView(string Name, IReadOnlyList<string> Parameters);

/// <summary>
/// The funnel: <c>audience</c> the chats that get it (excluded ones apart), <c>pending</c> not sent yet, <c>sent</c>,
/// <c>delivered</c>, <c>read</c>, <c>failed</c> (by channel error code), <c>excluded</c> (by reason), <c>skipped</c> at the
/// last check, <c>optedOut</c> within seven days.
/// </summary>
public sealed record FunnelView(
    int Audience, int Pending, int Sent, int Delivered, int Read, int Failed, int Excluded, int Skipped, int OptedOut,
    IReadOnlyDictionary<string, int> ExcludedByReason, IReadOnlyDictionary<string, int> FailedByCode);

/// <summary>One recipient: the chat masked as the queue shows it, its status and delivery.</summary>
public sealed record BroadcastRecipientView(string Chat, string Channel, string Language, string Status, string? Reason, string? Delivery, string? ErrorCode);
