using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Fills a new demo library: branches, the bundled works with copies at the branches in every state, patrons
/// whose loans and holds (dates relative to "today") cover every circulation case. Deterministic apart from PIN salts.
/// </summary>
internal static class DemoLibrarySeeder
{
    private const int RandomSeed = 20261122;

    /// <summary>Seeds the whole demo library; returns the number of records.</summary>
    public static int Seed(SqliteConnection connection, SqliteTransaction transaction, EmbeddedDatabase database)
    {
        DemoBranches.Seed(connection, transaction);
        var works = SeedWork.LoadBundled();
        var random = new Random(RandomSeed);
        var recordIds = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var writer = new CatalogueWriter(connection, transaction))
        {
            var itemNumber = 0;
            for (var i = 0; i < works.Count; i++)
            {
                var work = works[i];
                var id = writer.AddRecord(work, SyntheticIsbn(i + 1));
                recordIds.TryAdd(work.Title, id);
                var demo = DemoPatronSeeder.Titles.Contains(work.Title);
                var copies = demo ? 3 : 1 + random.Next(3);
                var first = random.Next(DemoBranches.All.Length);
                for (var c = 0; c < copies; c++)
                {
                    var status = demo ? ItemStatuses.Available : RollStatus(random);
                    writer.AddItem(ItemId(++itemNumber), id, DemoBranches.All[(first + c) % DemoBranches.All.Length], CallNumber(work), status);
                }
            }
        }

        var patrons = new DemoPatronSeeder(connection, transaction, database, recordIds);
        patrons.SeedPatrons();
        patrons.SeedDemoCirculation();
        patrons.SeedBackgroundCirculation(random);
        return works.Count;
    }

    /// <summary>Barcode of the n-th item.</summary>
    public static string ItemId(int n) => "3" + n.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>A checksum-valid ISBN-13 for the demo library's n-th edition (synthetic: these are demo editions).</summary>
    public static string SyntheticIsbn(int n)
    {
        var body = "97819" + n.ToString("D7", CultureInfo.InvariantCulture);
        return body + SearchText.Isbn13CheckDigit(body);
    }

    /// <summary>A shelf mark: language collection, class, the first author's surname and the year.</summary>
    public static string CallNumber(SeedWork work)
    {
        var collection = work.Language switch { "es" => "SPA ", "zh" => "CHI ", "vi" => "VIE ", _ => string.Empty };
        var subjects = string.Join(' ', work.Subjects);
        var @class = subjects switch
        {
            _ when ContainsAny(subjects, "Children", "Infantil", "启蒙", "儿童") => "J FIC",
            _ when ContainsAny(subjects, "Poetry", "Poesía", "Thơ", "诗", "词") => "POETRY",
            _ when ContainsAny(subjects, "Drama", "Teatro", "戏曲") => "DRAMA",
            _ when ContainsAny(subjects, "History", "Historia", "Lịch sử", "历史") => "HIST",
            _ when ContainsAny(subjects, "Philosophy", "Filosofía", "Triết học", "哲学") => "PHIL",
            _ when ContainsAny(subjects, "Science", "科技") => "SCI",
            _ => "FIC",
        };
        var author = work.Authors.FirstOrDefault() ?? "ANON";
        var surname = SearchText.HasCjk(author) ? author : author.Split(' ')[^1].ToUpperInvariant();
        var year = work.Year is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"{collection}{@class} {surname}{year}";
    }

    private static string RollStatus(Random random) => random.Next(100) switch
    {
        < 66 => ItemStatuses.Available,
        < 82 => ItemStatuses.OnLoan,
        < 87 => ItemStatuses.InTransit,
        < 92 => ItemStatuses.HoldShelf,
        _ => ItemStatuses.NotForLoan,
    };

    private static bool ContainsAny(string text, params string[] needles) =>
        needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
}
