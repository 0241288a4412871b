using System.Globalization;
using Dapper;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Records with holdings, and branches with opening hours, read from the demo library.</summary>
internal sealed class EmbeddedRecords(EmbeddedDatabase database)
{
    public static IReadOnlyList<string> SplitAuthors(string authors) =>
        authors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool TryParseId(string id, out long value) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public async Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken)
    {
        if (!TryParseId(recordId, out var id))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var record = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(
            "SELECT id, title, authors, year, language, format, isbn, publisher FROM records WHERE id = @id",
            new { id }, cancellationToken: cancellationToken));
        if (record is null)
        {
            return null;
        }

        var holdings = await connection.QueryAsync<HoldingRow>(new CommandDefinition(
            """
            SELECT i.branch_id AS BranchId, b.name AS Name, i.item_id AS ItemId, i.status AS Status, l.due AS Due, i.call_number AS CallNumber
            FROM items i JOIN branches b ON b.branch_id = i.branch_id LEFT JOIN loans l ON l.item_id = i.item_id
            WHERE i.record_id = @id ORDER BY b.position, i.item_id
            """, new { id }, cancellationToken: cancellationToken));

        return new CatalogueRecord(
            recordId, record.Title, SplitAuthors(record.Authors), (int?)record.Year, record.Language, record.Format, record.Isbn,
            record.Publisher,
            holdings.Select(h => new Holding(h.BranchId, h.Name, h.ItemId, ItemStatuses.ToItemStatus(h.Status),
                h.Due is null ? null : EmbeddedDatabase.ParseDate(h.Due), h.CallNumber)).ToList());
    }

    public async Task<IReadOnlyList<Branch>> GetBranchesAsync(bool pickupOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var branches = await connection.QueryAsync<BranchRow>(new CommandDefinition(
            "SELECT branch_id AS BranchId, name, address, phone, latitude, longitude FROM branches WHERE pickup = 1 OR @all ORDER BY position",
            new { all = !pickupOnly }, cancellationToken: cancellationToken));
        var hours = (await connection.QueryAsync<(string BranchId, long Day, string Opens, string Closes)>(new CommandDefinition(
            "SELECT branch_id, day, opens, closes FROM branch_hours ORDER BY branch_id, day, opens", cancellationToken: cancellationToken)))
            .ToLookup(h => h.BranchId);
        var exceptions = NextOccurrences(await connection.QueryAsync<(long Month, long Day, string? Opens, string? Closes, string? Reason)>(
            new CommandDefinition("SELECT month, day, opens, closes, reason FROM hours_exceptions", cancellationToken: cancellationToken)));

        return branches.Select(b => new Branch(
            b.BranchId, b.Name, b.Address, b.Phone, b.Latitude, b.Longitude, database.TimeZone.Id,
            hours[b.BranchId].Select(h => new OpeningHours((DayOfWeek)h.Day, TimeOnly.Parse(h.Opens, CultureInfo.InvariantCulture),
                TimeOnly.Parse(h.Closes, CultureInfo.InvariantCulture))).ToList(),
            exceptions)).ToList();
    }

    /// <summary>The yearly exceptions as dates within the coming twelve months, in date order.</summary>
    private List<HoursException> NextOccurrences(IEnumerable<(long Month, long Day, string? Opens, string? Closes, string? Reason)> rows)
    {
        var today = database.Today;
        return rows.Select(e =>
            {
                var date = new DateOnly(today.Year, (int)e.Month, (int)e.Day);
                return new HoursException(
                    date < today ? date.AddYears(1) : date,
                    e.Opens is null ? null : TimeOnly.Parse(e.Opens, CultureInfo.InvariantCulture),
                    e.Closes is null ? null : TimeOnly.Parse(e.Closes, CultureInfo.InvariantCulture),
                    e.Reason);
            })
            .OrderBy(e => e.Date)
            .ToList();
    }

    private sealed class RecordRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = string.Empty;
        public string Authors { get; init; } = string.Empty;
        public long? Year { get; init; }
        public string? Language { get; init; }
        public string? Format { get; init; }
        public string? Isbn { get; init; }
        public string? Publisher { get; init; }
    }

    private sealed class HoldingRow
    {
        public string BranchId { get; init; } = string.Empty;
        public string Name { get; init; } = string.Empty;
        public string ItemId { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public string? Due { get; init; }
        public string? CallNumber { get; init; }
    }

    private sealed class BranchRow
    {
        public string BranchId { get; init; } = string.Empty;
        public string Name { get; init; } = string.Empty;
        public string? Address { get; init; }
        public string? Phone { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
    }
}
