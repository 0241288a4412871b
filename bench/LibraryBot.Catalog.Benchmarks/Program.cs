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

// The SQLite calls complete synchronously, so each search runs on one thread and its thread CPU time is its cost.
var timings = new List<(string Kind, double WallMs, double CpuMs)>(iterations);
for (var i = 0; i < iterations; i++)
{
    var (kind, query) = mix[i % mix.Length];
    var thread = Environment.CurrentManagedThreadId;
    var cpu = ThreadCpuClock.NowMs();
    var started = Stopwatch.GetTimestamp();
    await catalogue.SearchAsync(query, CancellationToken.None);
    var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    timings.Add((kind, wall, thread == Environment.CurrentManagedThreadId ? ThreadCpuClock.NowMs() - cpu : double.NaN));
}

Console.WriteLine($"Load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}, cores: {Environment.ProcessorCount}");
Console.WriteLine($"{"queries",-12} {"n",6} {"wall p50",9} {"p95",8} {"p99",8} {"cpu p50",9} {"p95",8} {"p99",8}  (ms)");
Print("all", timings);
foreach (var group in timings.GroupBy(t => t.Kind))
{
    Print(group.Key, group.ToList());
}

foreach (var (kind, query) in mix)
{
    var page = await catalogue.SearchAsync(query, CancellationToken.None);
    Console.WriteLine($"  {kind,-11} {query.Field,-7} '{query.Terms}': {page.Total:N0} hits");
}

static void Print(string name, IReadOnlyList<(string Kind, double WallMs, double CpuMs)> timings)
{
    var wall = Percentiles(timings.Select(t => t.WallMs));
    var cpu = Percentiles(timings.Select(t => t.CpuMs).Where(double.IsFinite));
    Console.WriteLine($"{name,-12} {timings.Count,6} {wall.P50,9:F2} {wall.P95,8:F2} {wall.P99,8:F2} {cpu.P50,9:F2} {cpu.P95,8:F2} {cpu.P99,8:F2}");
}

static (double P50, double P95, double P99) Percentiles(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
    {
        return (double.NaN, double.NaN, double.NaN);
    }

    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    return (At(0.50), At(0.95), At(0.99));
}
