using System.Text;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Writes a digest in the chat's language: a greeting naming the library, one line per notice, how to renew when
/// something is due soon (a button on WhatsApp, "reply RENEW" elsewhere) and how to stop. Outside a channel's free-form
/// window it goes as the kind's template (one notice) or the digest template with a one-line summary (also for a
/// pickup notice from the console, which has no template of its own).
/// </summary>
public static class NoticeComposer
{
    public const string RenewChoiceId = "notice-renew";

    public static TemplateNotification Compose(TurnContext context, IReadOnlyList<PlannedNotice> notices, string libraryName)
    {
        var names = notices.Select(n => n.PatronName).Distinct(StringComparer.Ordinal).ToList();
        var lines = notices.Select(n => Line(context, n, names.Count > 1)).ToList();
        var renew = notices.Any(n => n.Kind == NoticeKind.DueSoon);
        var buttons = context.Activity.Conversation.Channel == ChannelId.WhatsApp;

        var text = new StringBuilder(context.Localize("Notices.Greeting", string.Join(", ", names), libraryName)).Append("\n\n");
        text.AppendJoin('\n', lines);
        if (renew)
        {
            text.Append("\n\n").Append(context.Localize(buttons ? "Notices.RenewButtonHint" : "Notices.RenewReplyHint"));
        }

        text.Append("\n\n").Append(context.Localize("Notices.Stop"));
        var first = notices[0];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = string.Join(", ", names),
            ["title"] = first.Title,
            ["branch"] = first.BranchName ?? string.Empty,
            ["until"] = first.Date is { } until ? DisplayFormats.Date(until, context.Locale) : string.Empty,
            ["due"] = first.Date is { } due ? DisplayFormats.Date(due, context.Locale) : string.Empty,
            ["summary"] = string.Join("; ", lines.Select(Plain)),
            ["text"] = text.ToString(),
        };
        var kind = notices.Count == 1 && Kind(first.Kind) is { } own ? own : NotificationKind.NoticeDigest;
        IReadOnlyList<Choice>? replies = renew ? [new Choice(RenewChoiceId, context.Localize("Notices.Renew"))] : null;
        return new TemplateNotification(kind, parameters, text.ToString(), replies);
    }

    private static string Line(TurnContext context, PlannedNotice notice, bool named)
    {
        var date = notice.Date is { } d ? DisplayFormats.Date(d, context.Locale) : null;
        // Titles in bold where the channel shows bold (WhatsApp); WeChat and SMS would show the stars.
        var title = context.Activity.Conversation.Channel == ChannelId.WhatsApp && context.Locale != BotLocales.Chinese ? $"*{notice.Title}*" : notice.Title;
        var line = notice.Kind switch
        {
            NoticeKind.HoldReady when date is not null => context.Localize("Notices.HoldReady", title, notice.BranchName, date),
            NoticeKind.HoldReady => context.Localize("Notices.HoldReadyNoDate", title, notice.BranchName),
            NoticeKind.HoldExpiring => context.Localize("Notices.HoldExpiring", title, notice.BranchName, date),
            NoticeKind.DueSoon => context.Localize("Notices.DueSoon", title, date),
            NoticeKind.PickupReady => context.Localize("Notices.PickupReady", notice.BranchName),
            _ => context.Localize("Notices.Overdue", title, date),
        };
        return named ? context.Localize("Notices.For", notice.PatronName, line) : line;
    }

    /// <summary>A line as a template parameter takes it: no emoji marker, no bold stars, no line breaks.</summary>
    private static string Plain(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var text = space > 0 && !char.IsLetterOrDigit(line[0]) ? line[(space + 1)..] : line;
        return text.Replace("*", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(" ");
    }

    /// <summary>The kind's own template, or null when it goes as the digest template (a pickup notice names no title).</summary>
    private static NotificationKind? Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.HoldReady => NotificationKind.HoldReady,
        NoticeKind.HoldExpiring => NotificationKind.HoldExpiring,
        NoticeKind.DueSoon => NotificationKind.DueSoon,
        NoticeKind.Overdue => NotificationKind.Overdue,
        _ => null,
    };
}
