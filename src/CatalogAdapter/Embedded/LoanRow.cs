namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>A loan as read for the account and the renewal rules.</summary>
internal sealed class LoanRow
{
    public string PatronId { get; init; } = string.Empty;
    public long LoanId { get; init; }
    public string ItemId { get; init; } = string.Empty;
    public string Due { get; init; } = string.Empty;
    public long Renewals { get; init; }
    public long RecordId { get; init; }
    public string Title { get; init; } = string.Empty;
    public long OthersWaiting { get; init; }

    private const string Select = """
        SELECT l.patron_id AS PatronId, l.loan_id AS LoanId, l.item_id AS ItemId, l.due AS Due, l.renewals AS Renewals, r.id AS RecordId, r.title AS Title,
               EXISTS (SELECT 1 FROM holds h WHERE h.record_id = r.id AND h.status = 'waiting' AND h.patron_id <> l.patron_id) AS OthersWaiting
        FROM loans l JOIN items i ON i.item_id = l.item_id JOIN records r ON r.id = i.record_id
        """;

    /// <summary>The patron's loans, soonest due first (the order of the account and of renew-all).</summary>
    public const string SelectByPatron = Select + " WHERE l.patron_id = @patronId ORDER BY l.due, l.loan_id";

    /// <summary>The loans of the patrons in the JSON array <c>@ids</c>, each patron's soonest due first.</summary>
    public const string SelectByPatrons = Select + " WHERE l.patron_id IN (SELECT value FROM json_each(@ids)) ORDER BY l.patron_id, l.due, l.loan_id";

    public string Id => LoanId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly DueDate => EmbeddedDatabase.ParseDate(Due);
}
