namespace LibraryBot.Channels.Outbound;

/// <summary>Kinds of notice that may be sent by template outside a channel's free-form window.</summary>
public enum NotificationKind
{
    HoldReady,
    DueSoon,
    Overdue,
    HandoffReply,
    Generic,
}
