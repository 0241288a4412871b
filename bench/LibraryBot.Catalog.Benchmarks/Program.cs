using System.Diagnostics;
using System.Globalization;
using LibraryBot.CatalogAdapter;
using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.Catalog.Benchmarks;
using Microsoft.Extensions.Logging.Abstractions;

// Builds a synthetic catalogue of N records in the embedded schema and measures search latency.
// Usage: dotnet run -c Release --project bench/LibraryBot.Catalog.Benchmarks [-- records [iterations]]
var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000;
var path = Path.Combine(Path.GetTempPath(), $"librarybot-bench-{records}.db");
foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
{
    File.Delete(path + suffix);
}

var options = new EmbeddedCatalogueOptions();
var database = new EmbeddedDatabase(path, options, TimeProvider.System, NullLogger.Instance, SyntheticCatalogue.Seeder(records));
var build = Stopwatch.StartNew();
await database.EnsureCreatedAsync(CancellationToken.None);
Console.WriteLine($"Built {records:N0} records in {build.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1_048_576.0:F1} MB at {path})");

var catalogue = new EmbeddedCatalogue(database, NullLogger.Instance);
(string Kind, SearchQuery Query)[] mix =
[
    ("latin", new("pride prejudice")),
    ("latin", new("great expectations")),
    ("latin", new("the war")),
    ("latin", new("don quijote mancha")),
    ("latin", new("pepita jimenez")),
    ("latin", new("sherlock holmes", Page: 2)),
    ("vietnamese", new("truyen kieu")),
    ("vietnamese", new("Số đỏ")),
    ("vietnamese", new("doan tuyet")),
    ("vietnamese", new("nguyen du")),
    ("chinese", new("红楼梦")),
    ("chinese", new("三国演义")),
    ("chinese", new("西游")),
    ("chinese", new("梦")),
    ("author", new("dickens", SearchField.Author)),
    ("author", new("vũ trọng phụng", SearchField.Author)),
    ("author", new("鲁迅", SearchField.Author)),
    ("isbn", new(SyntheticCatalogue.Isbn(records / 2))),
    ("isbn", new(SyntheticCatalogue.Isbn(records - 7), SearchField.Isbn)),
];

foreach (var (_, query) in mix)
{
    await catalogue.SearchAsync(query, CancellationToken.None);
}

var timings = new List<(string Kind, double Ms)>(iterations);
for (var i = 0; i < iterations; i++)
{
    var (kind, query) = mix[i % mix.Length];
    var started = Stopwatch.GetTimestamp();
    await catalogue.SearchAsync(query, CancellationToken.None);
    timings.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}

Console.WriteLine($"{"queries",-12} {"n",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
Print("all", timings.Select(t => t.Ms));
foreach (var group in timings.GroupBy(t => t.Kind))
{
    Print(group.Key, group.Select(t => t.Ms));
}

foreach (var (kind, query) in mix)
{
    var page = await catalogue.SearchAsync(query, CancellationToken.None);
    Console.WriteLine($"  {kind,-11} {query.Field,-7} '{query.Terms}': {page.Total:N0} hits");
}

static void Print(string name, IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    Console.WriteLine($"{name,-12} {sorted.Length,6} {At(0.50),8:F2} {At(0.95),8:F2} {At(0.99),8:F2}");
}
