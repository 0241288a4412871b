namespace LibraryBot.Channels.Outbound;

/// <summary>Kinds of notice that may be sent by template outside a channel's free-form window.</summary>
public enum NotificationKind
{
    HoldReady,
    DueSoon,
    Overdue,
    HandoffReply,
    Generic,
    /// <summary>A hold waiting on the shelf is about to go back (its pickup-by date is near).</summary>
    HoldExpiring,
    /// <summary>Several notices for one patron in one message (a digest), summarised on one line for templates.</summary>
    NoticeDigest,
    /// <summary>
    /// A broadcast from outreach staff (news, events). Outside a channel's free-form window it goes only as the explicit
    /// marketing template it names (<see cref="TemplateNotification.Template"/>); there is no per-kind template.
    /// </summary>
    Broadcast,
}
