namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>A loan as read for the account and the renewal rules.</summary>
internal sealed class LoanRow
{
    public long LoanId { get; init; }
    public string ItemId { get; init; } = string.Empty;
    public string Due { get; init; } = string.Empty;
    public long Renewals { get; init; }
    public long RecordId { get; init; }
    public string Title { get; init; } = string.Empty;
    public long OthersWaiting { get; init; }

    /// <summary>The patron's loans, soonest due first (the order of the account and of renew-all).</summary>
    public const string SelectByPatron = """
        SELECT l.loan_id AS LoanId, l.item_id AS ItemId, l.due AS Due, l.renewals AS Renewals, r.id AS RecordId, r.title AS Title,
               EXISTS (SELECT 1 FROM holds h WHERE h.record_id = r.id AND h.status = 'waiting' AND h.patron_id <> l.patron_id) AS OthersWaiting
        FROM loans l JOIN items i ON i.item_id = l.item_id JOIN records r ON r.id = i.record_id
        WHERE l.patron_id = @patronId ORDER BY l.due, l.loan_id
        """;

    public string Id => LoanId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly DueDate => EmbeddedDatabase.ParseDate(Due);
}
