namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>The <c>items.status</c> and <c>holds.status</c> values, and their mapping to the contract's enums.</summary>
internal static class ItemStatuses
{
    public const string Available = "available";
    public const string OnLoan = "on_loan";
    public const string InTransit = "in_transit";
    public const string HoldShelf = "hold_shelf";
    public const string NotForLoan = "not_for_loan";

    public const string HoldWaiting = "waiting";
    public const string HoldInTransit = "in_transit";
    public const string HoldReady = "ready";

    public static ItemStatus ToItemStatus(string status) => status switch
    {
        Available => ItemStatus.Available,
        OnLoan => ItemStatus.OnLoan,
        InTransit => ItemStatus.InTransit,
        HoldShelf => ItemStatus.OnHoldShelf,
        NotForLoan => ItemStatus.NotForLoan,
        _ => ItemStatus.Unknown,
    };

    public static HoldStatus ToHoldStatus(string status) => status switch
    {
        HoldReady => HoldStatus.Ready,
        HoldInTransit => HoldStatus.InTransit,
        _ => HoldStatus.Waiting,
    };
}
