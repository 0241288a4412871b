using Dapper;
using Microsoft.Data.Sqlite;
using static LibraryBot.CatalogAdapter.Embedded.DemoBranches;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>The demo patrons and their loans and holds, all dated relative to the library's "today".</summary>
internal sealed class DemoPatronSeeder(
    SqliteConnection connection, SqliteTransaction transaction, EmbeddedDatabase database, IReadOnlyDictionary<string, long> recordIds)
{
    public static readonly DemoPatron[] Patrons =
    [
        new("p-0001", "29000100000011", "1234", "Ana", "García", Central, 730, 250),
        new("p-0002", "29000100000029", "2468", "Wei", "Li", JadeStreet, 730, 0),
        new("p-0003", "29000100000037", "1357", "Lan", "Nguyễn Thị", Riverside, 730, 0),
        new("p-0004", "29000100000045", "8080", "Mei", "Chen", JadeStreet, 730, 0),
        new("p-0005", "29000100000052", "9999", "Carlos", "Mendoza", Riverside, 730, 0),
        new("p-0006", "29000100000060", "3141", "Emily", "Johnson", Central, 730, 0),
        new("p-0007", "29000100000078", "2222", "Minh", "Trần Văn", Riverside, 730, 475),
        new("p-0008", "29000100000086", "2718", "Priya", "Patel", Central, 730, 0),
        new("p-0009", "29000100000094", "4321", "James", "Carter", Central, 730, 2740),
        new("p-0010", "29000100000102", "5555", "Margaret", "O'Brien", Riverside, -30, 0),
    ];

    private static readonly string[] BackgroundNames =
    [
        "Olivia", "Mateo", "Hana", "Duc", "Grace", "Lucas", "Yuki", "Sofia", "Omar", "Linh", "Daniel", "Isabel",
        "Jun", "Amara", "Noah", "Camila", "Hao", "Elena", "Samuel", "Thu", "Aisha", "Diego", "Rosa", "Kevin",
        "Mai", "Tomás", "Ling", "Jacob", "Valeria", "Quang",
    ];

    // Loans and holds of the demo patrons: (patron, title, days until due, renewals used).
    private static readonly (string Patron, string Title, int DueIn, int Renewals)[] Loans =
    [
        ("p-0001", "Pride and Prejudice", 10, 0),
        ("p-0001", "Don Quijote de la Mancha", 4, 3),
        ("p-0001", "红楼梦", 6, 1),
        ("p-0001", "Truyện Kiều", -3, 0),
        ("p-0001", "The Time Machine", 18, 2),
        ("p-0002", "Moby-Dick", 12, 0),
        ("p-0002", "三国演义", 15, 1),
        ("p-0003", "Tắt đèn", -20, 1),
        ("p-0003", "Chí Phèo", 9, 0),
        ("p-0004", "水浒传", 8, 0),
        ("p-0004", "聊斋志异", -1, 0),
        ("p-0006", "Alice's Adventures in Wonderland", 14, 0),
        ("p-0006", "The Secret Garden", 14, 0),
        ("p-0006", "Winnie-the-Pooh", 2, 3),
        ("p-0007", "Lều chõng", -9, 2),
        ("p-0007", "Don Juan Tenorio", -2, 0),
        ("p-0008", "Middlemarch", 7, 3),
        ("p-0008", "Siddhartha", 20, 0),
        ("p-0009", "Dracula", -40, 1),
        ("p-0010", "Jane Eyre", -15, 0),
    ];

    // (patron, title, pickup branch, status, placed days ago).
    private static readonly (string Patron, string Title, string Pickup, string Status, int PlacedDaysAgo)[] Holds =
    [
        ("p-0001", "Moby-Dick", Riverside, ItemStatuses.HoldWaiting, 3),
        ("p-0001", "Số đỏ", Central, ItemStatuses.HoldInTransit, 8),
        ("p-0001", "Pepita Jiménez", Central, ItemStatuses.HoldReady, 10),
        ("p-0001", "西游记", JadeStreet, ItemStatuses.HoldWaiting, 1),
        ("p-0002", "红楼梦", Central, ItemStatuses.HoldWaiting, 2),
        ("p-0003", "Giông tố", Riverside, ItemStatuses.HoldReady, 6),
        ("p-0004", "Moby-Dick", JadeStreet, ItemStatuses.HoldWaiting, 6),
        ("p-0006", "The Wonderful Wizard of Oz", Central, ItemStatuses.HoldInTransit, 4),
        ("p-0008", "Anna Karenina", Central, ItemStatuses.HoldWaiting, 5),
    ];

    /// <summary>Titles whose copies the demo patrons use: seeded with one available copy per branch.</summary>
    public static readonly IReadOnlySet<string> Titles =
        Loans.Select(l => l.Title).Concat(Holds.Select(h => h.Title)).Append("Frankenstein").ToHashSet(StringComparer.Ordinal);

    private DateOnly Today => database.Today;

    public void SeedPatrons()
    {
        foreach (var p in Patrons)
        {
            InsertPatron(p.PatronId, p.CardNumber, PinHasher.Hash(p.Pin), p.FirstName, p.LastName, p.HomeBranch, p.ExpiresInDays, p.FinesCents);
        }

        for (var i = 0; i < BackgroundNames.Length; i++)
        {
            var number = 1001 + i;
            InsertPatron($"p-{number}", $"290002000{number:D5}", null, BackgroundNames[i], "Patron", All[i % All.Length], 730, 0);
        }
    }

    public void SeedDemoCirculation()
    {
        foreach (var loan in Loans)
        {
            Lend(loan.Patron, Item(loan.Title, ItemStatuses.Available), loan.DueIn, loan.Renewals);
        }

        foreach (var other in connection.Query<string>(
            "SELECT item_id FROM items WHERE status = 'available' AND record_id = @r", new { r = recordIds["Moby-Dick"] }, transaction))
        {
            Lend("p-1001", other, 5, 0);
        }

        var placed = database.Now;
        foreach (var hold in Holds)
        {
            var item = hold.Status == ItemStatuses.HoldWaiting ? null : Item(hold.Title, ItemStatuses.Available);
            var itemStatus = hold.Status == ItemStatuses.HoldReady ? ItemStatuses.HoldShelf : ItemStatuses.InTransit;
            var readyUntil = hold.Status == ItemStatuses.HoldReady ? EmbeddedDatabase.FormatDate(Today.AddDays(database.Options.HoldShelfDays - 2)) : null;
            AddHold(hold.Patron, recordIds[hold.Title], hold.Pickup, placed.AddDays(-hold.PlacedDaysAgo), hold.Status, item, readyUntil);
            if (item is not null)
            {
                DemoBranches.Execute(connection, transaction, "UPDATE items SET status = $s WHERE item_id = $i", ("$s", itemStatus), ("$i", item));
            }
        }
    }

    /// <summary>Copies on loan or on the hold shelf for the other (background) patrons of the library.</summary>
    public void SeedBackgroundCirculation(Random random)
    {
        var items = connection.Query<(string ItemId, long RecordId, string BranchId, string Status)>(
            "SELECT item_id, record_id, branch_id, status FROM items WHERE status IN ('on_loan', 'hold_shelf') "
            + "AND item_id NOT IN (SELECT item_id FROM loans) AND item_id NOT IN (SELECT item_id FROM holds WHERE item_id IS NOT NULL) ORDER BY item_id",
            transaction: transaction).ToList();
        foreach (var (itemId, recordId, branchId, status) in items)
        {
            var patron = $"p-{1001 + random.Next(BackgroundNames.Length)}";
            if (status == ItemStatuses.OnLoan)
            {
                Lend(patron, itemId, random.Next(-12, 22), random.Next(3));
                if (random.Next(5) == 0)
                {
                    AddHold($"p-{1001 + random.Next(BackgroundNames.Length)}", recordId, branchId, database.Now.AddDays(-random.Next(1, 10)),
                        ItemStatuses.HoldWaiting, null, null);
                }
            }
            else
            {
                AddHold(patron, recordId, branchId, database.Now.AddDays(-random.Next(3, 12)), ItemStatuses.HoldReady, itemId,
                    EmbeddedDatabase.FormatDate(Today.AddDays(random.Next(1, database.Options.HoldShelfDays + 1))));
            }
        }
    }

    private void InsertPatron(string id, string card, string? pinHash, string first, string last, string home, int expiresInDays, int fines) =>
        DemoBranches.Execute(connection, transaction,
            "INSERT INTO patrons VALUES ($id, $card, $first, $last, $pin, $home, $expires, $fines)",
            ("$id", id), ("$card", card), ("$first", first), ("$last", last), ("$pin", pinHash), ("$home", home),
            ("$expires", EmbeddedDatabase.FormatDate(Today.AddDays(expiresInDays))), ("$fines", fines));

    private void Lend(string patron, string itemId, int dueIn, int renewals)
    {
        var due = Today.AddDays(dueIn);
        var loaned = due.AddDays(-database.Options.LoanPeriodDays * (renewals + 1));
        DemoBranches.Execute(connection, transaction, "INSERT INTO loans (patron_id, item_id, loaned_on, due, renewals) VALUES ($p, $i, $l, $d, $r)",
            ("$p", patron), ("$i", itemId), ("$l", EmbeddedDatabase.FormatDate(loaned)), ("$d", EmbeddedDatabase.FormatDate(due)), ("$r", renewals));
        DemoBranches.Execute(connection, transaction, "UPDATE items SET status = 'on_loan' WHERE item_id = $i", ("$i", itemId));
    }

    private void AddHold(string patron, long recordId, string pickup, DateTimeOffset placed, string status, string? itemId, string? readyUntil) =>
        DemoBranches.Execute(connection, transaction,
            "INSERT INTO holds (patron_id, record_id, pickup_branch, placed_at, status, item_id, ready_until) VALUES ($p, $r, $b, $at, $s, $i, $u)",
            ("$p", patron), ("$r", recordId), ("$b", pickup), ("$at", placed.ToUnixTimeMilliseconds()), ("$s", status), ("$i", itemId), ("$u", readyUntil));

    private string Item(string title, string status) =>
        connection.QuerySingleOrDefault<string>("SELECT item_id FROM items WHERE record_id = @r AND status = @s ORDER BY item_id LIMIT 1",
            new { r = recordIds[title], s = status }, transaction)
        ?? throw new InvalidOperationException($"The demo seed has no {status} copy of '{title}'.");
}
