namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// <c>POST /api/staff/broadcasts</c>: a name, the audience (topic ids; optional branch ids, languages en|es|zh|vi and
/// channels whatsapp|wechat|sms that narrow it), the text per language, an optional image and link, the approved
/// WhatsApp marketing template for patrons outside the 24-hour window, an optional send time and rate.
/// </summary>
public sealed record BroadcastRequest(
    string? Name,
    AudienceRequest? Audience,
    Dictionary<string, string?>? Content,
    string? ImageUrl,
    string? Link,
    TemplateRequest? WhatsAppTemplate,
    DateTimeOffset? SendAt,
    int? RatePerSecond);

/// <summary>Who a broadcast is for (also the body of <c>POST /api/staff/broadcasts/audience</c>, the live count).</summary>
public sealed record AudienceRequest(
    IReadOnlyList<string?>? Topics,
    IReadOnlyList<string?>? Branches,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Channels);

/// <summary>An approved WhatsApp marketing template: its name and body parameters in order.</summary>
public sealed record TemplateRequest(string? Name, IReadOnlyList<string?>? Parameters);
