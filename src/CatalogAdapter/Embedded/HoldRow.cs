using System.Globalization;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>A hold as read for the account; waiting holds carry their place in the title's queue.</summary>
internal sealed class HoldRow
{
    public string PatronId { get; init; } = string.Empty;
    public long HoldId { get; init; }
    public long RecordId { get; init; }
    public string Title { get; init; } = string.Empty;
    public string Status { get; init; } = string.Empty;
    public string PickupBranchId { get; init; } = string.Empty;
    public string PickupBranchName { get; init; } = string.Empty;
    public string? ReadyUntil { get; init; }
    public long? QueuePosition { get; init; }

    private const string Select = """
        SELECT h.patron_id AS PatronId, h.hold_id AS HoldId, h.record_id AS RecordId, r.title AS Title, h.status AS Status, h.pickup_branch AS PickupBranchId,
               b.name AS PickupBranchName, h.ready_until AS ReadyUntil,
               CASE WHEN h.status = 'waiting' THEN 1 + (SELECT count(*) FROM holds o WHERE o.record_id = h.record_id AND o.status = 'waiting'
                    AND (o.placed_at < h.placed_at OR (o.placed_at = h.placed_at AND o.hold_id < h.hold_id))) END AS QueuePosition
        FROM holds h JOIN records r ON r.id = h.record_id JOIN branches b ON b.branch_id = h.pickup_branch
        """;

    public const string SelectByPatron = Select + " WHERE h.patron_id = @patronId ORDER BY h.placed_at, h.hold_id";

    /// <summary>The holds of the patrons in the JSON array <c>@ids</c>, each patron's oldest first.</summary>
    public const string SelectByPatrons = Select + " WHERE h.patron_id IN (SELECT value FROM json_each(@ids)) ORDER BY h.patron_id, h.placed_at, h.hold_id";

    public Hold ToHold() => new(
        HoldId.ToString(CultureInfo.InvariantCulture),
        RecordId.ToString(CultureInfo.InvariantCulture),
        Title,
        ItemStatuses.ToHoldStatus(Status),
        PickupBranchId,
        PickupBranchName,
        ReadyUntil is null ? null : EmbeddedDatabase.ParseDate(ReadyUntil),
        (int?)QueuePosition);
}
