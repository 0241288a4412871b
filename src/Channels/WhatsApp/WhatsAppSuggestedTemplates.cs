using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// The template names, languages and parameters suggested in docs/whatsapp.md and docs/notices.md; used as they are in
/// sandbox mode when no templates are configured. A real account must create and get them approved first.
/// </summary>
public static class WhatsAppSuggestedTemplates
{
    private static readonly (string Language, string Code)[] Languages = [("en", "en_US"), ("es", "es"), ("zh", "zh_CN"), ("vi", "vi")];

    public static IReadOnlyDictionary<NotificationKind, Dictionary<string, WhatsAppTemplate>> All { get; } = new Dictionary<NotificationKind, Dictionary<string, WhatsAppTemplate>>
    {
        [NotificationKind.HoldReady] = For("librarybot_hold_ready", ["name", "title", "branch", "until"]),
        [NotificationKind.HoldExpiring] = For("librarybot_hold_expiring", ["name", "title", "branch", "until"]),
        [NotificationKind.DueSoon] = For("librarybot_due_soon", ["name", "title", "due"], quickReplies: 1),
        [NotificationKind.Overdue] = For("librarybot_overdue", ["name", "title", "due"]),
        [NotificationKind.NoticeDigest] = For("librarybot_notices", ["name", "summary"], quickReplies: 1),
        [NotificationKind.HandoffReply] = For("librarybot_handoff_reply", ["name"]),
        [NotificationKind.Generic] = For("librarybot_notice", ["text"]),
    };

    private static Dictionary<string, WhatsAppTemplate> For(string name, string[] parameters, int quickReplies = 0) =>
        Languages.ToDictionary(
            l => l.Language,
            l => new WhatsAppTemplate { Name = name, Language = l.Code, Parameters = [.. parameters], QuickReplyButtons = quickReplies });
}
