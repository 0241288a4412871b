namespace LibraryBot.Bot.Notices;

public enum NoticeKind
{
    /// <summary>A hold is on the shelf for the patron (once per hold).</summary>
    HoldReady,
    /// <summary>A hold on the shelf goes back soon (<c>Notices:HoldExpiringDays</c> before its pickup-by date).</summary>
    HoldExpiring,
    /// <summary>A loan is due within <c>Notices:DueSoonDays</c> (once per due date).</summary>
    DueSoon,
    /// <summary>A loan is overdue by one of <c>Notices:OverdueDays</c> (once per stage and due date).</summary>
    Overdue,
    /// <summary>
    /// Staff said an item is ready for collection at a branch (the console's pickup batch): sent as staff asked, not
    /// planned from the library system, so it is not checked again with it before sending (consent still is).
    /// </summary>
    PickupReady,
}
