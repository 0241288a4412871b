using LibraryBot.CatalogAdapter.Embedded;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Catalog.Benchmarks;

/// <summary>
/// A deterministic catalogue of any size in the demo library's schema: titles, authors and subjects recombined
/// from the bundled seed works, in the seed's language mix, with one to three copies per record.
/// </summary>
internal static class SyntheticCatalogue
{
    private const int RandomSeed = 100_000;

    private static readonly string[] CopyStates = ["available", "available", "available", "in_transit", "not_for_loan"];

    /// <summary>A seeding function for <c>EmbeddedDatabase</c> that writes <paramref name="count"/> records.</summary>
    public static Func<SqliteConnection, SqliteTransaction, EmbeddedDatabase, int> Seeder(int count) => (connection, transaction, _) =>
    {
        DemoBranches.Seed(connection, transaction);
        var works = SeedWork.LoadBundled();
        var byLanguage = works.GroupBy(w => w.Language).ToDictionary(g => g.Key, g => g.ToArray());
        var languages = works.Select(w => w.Language).ToArray();
        var random = new Random(RandomSeed);
        using var writer = new CatalogueWriter(connection, transaction);
        var itemNumber = 0;
        for (var n = 1; n <= count; n++)
        {
            var pool = byLanguage[languages[random.Next(languages.Length)]];
            var work = n <= works.Count ? works[n - 1] : Recombine(pool, random);
            var id = writer.AddRecord(work, DemoLibrarySeeder.SyntheticIsbn(n));
            var copies = 1 + random.Next(3);
            for (var c = 0; c < copies; c++)
            {
                writer.AddItem(DemoLibrarySeeder.ItemId(++itemNumber), id, DemoBranches.All[(n + c) % DemoBranches.All.Length],
                    DemoLibrarySeeder.CallNumber(work), CopyStates[random.Next(CopyStates.Length)]);
            }
        }

        return count;
    };

    /// <summary>The ISBN the generator gives record n (1-based).</summary>
    public static string Isbn(int n) => DemoLibrarySeeder.SyntheticIsbn(n);

    private static SeedWork Recombine(SeedWork[] pool, Random random)
    {
        var a = pool[random.Next(pool.Length)];
        var b = pool[random.Next(pool.Length)];
        var title = a.Language == "zh"
            ? a.Title[..Math.Max(1, a.Title.Length / 2)] + b.Title[(b.Title.Length / 2)..]
            : string.Join(' ', a.Title.Split(' ').Take(1 + random.Next(3)).Concat(b.Title.Split(' ').Skip(random.Next(2))));
        return new SeedWork(
            a.Language,
            title,
            pool[random.Next(pool.Length)].Authors,
            1450 + random.Next(480),
            a.Subjects.Concat(b.Subjects).Distinct().Take(3).ToArray());
    }
}
