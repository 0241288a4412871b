using Microsoft.Data.Sqlite;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>The demo library's three branches, their weekly hours and the yearly closures (docs/demo-library.md).</summary>
internal static class DemoBranches
{
    public const string Central = "central";
    public const string Riverside = "riverside";
    public const string JadeStreet = "jade-street";

    public static readonly string[] All = [Central, Riverside, JadeStreet];

    private static readonly (string Id, string Name, string Address, string Phone, double Lat, double Lon)[] Branches =
    [
        (Central, "Central Library", "400 Civic Center Plaza, Alder Bay, CA 94612", "+1 510-555-0140", 37.8021, -122.2718),
        (Riverside, "Riverside Branch", "1250 River Road, Alder Bay, CA 94606", "+1 510-555-0175", 37.7926, -122.2471),
        (JadeStreet, "Jade Street Branch", "88 Jade Street, Alder Bay, CA 94607", "+1 510-555-0188", 37.7996, -122.2697),
    ];

    // Day, opens, closes; a day without a line is closed.
    private static readonly (string Branch, DayOfWeek Day, string Opens, string Closes)[] Hours =
    [
        .. Week(Central, "09:00", "20:00", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
        (Central, DayOfWeek.Saturday, "10:00", "17:00"),
        (Central, DayOfWeek.Sunday, "12:00", "17:00"),
        .. Week(Riverside, "10:00", "18:00", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
        (Riverside, DayOfWeek.Saturday, "10:00", "16:00"),
        .. Week(JadeStreet, "11:00", "19:00", DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
        .. Week(JadeStreet, "10:00", "17:00", DayOfWeek.Saturday, DayOfWeek.Sunday),
    ];

    private static readonly (int Month, int Day, string? Opens, string? Closes, string Reason)[] Exceptions =
    [
        (1, 1, null, null, "New Year's Day"),
        (7, 4, null, null, "Independence Day"),
        (12, 24, "10:00", "14:00", "Christmas Eve"),
        (12, 25, null, null, "Christmas Day"),
        (12, 31, "10:00", "15:00", "New Year's Eve"),
    ];

    public static void Seed(SqliteConnection connection, SqliteTransaction transaction)
    {
        var position = 0;
        foreach (var b in Branches)
        {
            Execute(connection, transaction,
                "INSERT INTO branches VALUES ($id, $name, $address, $phone, $lat, $lon, 1, $position)",
                ("$id", b.Id), ("$name", b.Name), ("$address", b.Address), ("$phone", b.Phone), ("$lat", b.Lat), ("$lon", b.Lon),
                ("$position", position++));
        }

        foreach (var h in Hours)
        {
            Execute(connection, transaction, "INSERT INTO branch_hours VALUES ($b, $d, $o, $c)",
                ("$b", h.Branch), ("$d", (int)h.Day), ("$o", h.Opens), ("$c", h.Closes));
        }

        foreach (var e in Exceptions)
        {
            Execute(connection, transaction, "INSERT INTO hours_exceptions VALUES ($m, $d, $o, $c, $r)",
                ("$m", e.Month), ("$d", e.Day), ("$o", e.Opens), ("$c", e.Closes), ("$r", e.Reason));
        }
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static IEnumerable<(string, DayOfWeek, string, string)> Week(string branch, string opens, string closes, params DayOfWeek[] days) =>
        days.Select(d => (branch, d, opens, closes));
}
