using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using LibraryBot.Bot.Notices;
using LibraryBot.Contracts.Notices;
using Microsoft.Extensions.DependencyInjection;

// One notice run over many linked patrons on the embedded demo library and the SQLite store (see docs/benchmarks.md).
// Usage: dotnet run -c Release --project bench/LibraryBot.NoticeBench [-- --patrons 100000] [--dir DIR] [--reseed]
// The seeded files are kept in DIR/seed-vV-N and copied for each run, so only the first invocation pays for seeding.
var patrons = 100_000;
var root = Path.Combine(Path.GetTempPath(), "librarybot-notice-bench");
var reseed = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--patrons":
            patrons = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--dir":
            root = args[++i];
            break;
        case "--reseed":
            reseed = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--patrons N] [--dir DIR] [--reseed]");
            return 2;
    }
}

const double TargetSeconds = 30;
// The seed's shape version: a seed folder of another version is not reused.
const int SeedVersion = 2;
var seedDir = Path.Combine(root, $"seed-v{SeedVersion}-{patrons}");
var summaryFile = Path.Combine(seedDir, "seed.json");
if (reseed || !File.Exists(summaryFile))
{
    if (Directory.Exists(seedDir))
    {
        Directory.Delete(seedDir, recursive: true);
    }

    Console.WriteLine($"Seeding {patrons:N0} linked patrons into {seedDir} …");
    var watch = Stopwatch.StartNew();
    await using (var seeding = NoticeScale.Open(seedDir))
    {
        var seeded = await seeding.SeedAsync(patrons, line => Console.WriteLine("  " + line));
        File.WriteAllText(summaryFile, JsonSerializer.Serialize(seeded));
    }

    Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s");
}

var summary = JsonSerializer.Deserialize<SeedSummary>(File.ReadAllText(summaryFile))!;
var runDir = Path.Combine(root, "run");
if (Directory.Exists(runDir))
{
    Directory.Delete(runDir, recursive: true);
}

Directory.CreateDirectory(runDir);
foreach (var file in Directory.GetFiles(seedDir, "*.db*"))
{
    File.Copy(file, Path.Combine(runDir, Path.GetFileName(file)));
}

Console.WriteLine($"Seed: {summary.Patrons:N0} patrons in {summary.Patrons:N0} chats, {summary.Loans:N0} loans, {summary.Holds:N0} holds; " +
    $"calls for {summary.Notices:N0} notices in {summary.ChatsWithNotices:N0} chats " +
    $"(due soon {summary.DueSoon:N0}, overdue {summary.Overdue:N0}, hold ready {summary.HoldReady:N0}, hold expiring {summary.HoldExpiring:N0})");

await using var scale = NoticeScale.Open(runDir);
var run = scale.Services.GetRequiredService<NoticeRun>();

GC.Collect();
GC.WaitForPendingFinalizers();
ResetPeakRss();
var ioBefore = Io();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var first = Stopwatch.StartNew();
var report = await run.RunAsync("bench", CancellationToken.None);
first.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var peakRss = PeakRssBytes();
var (anon, mapped) = RssNow();
var io = Io();
var ledger = scale.Ledger();

var second = Stopwatch.StartNew();
var again = await run.RunAsync("bench", CancellationToken.None);
second.Stop();
var ledgerAfter = scale.Ledger();

Console.WriteLine();
Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
    $"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
Console.WriteLine($"Run 1: {report.Outcome}; {report.Chats:N0} chats, planned {report.Notices:N0} notices in {report.Digests:N0} digests, handed to the inbox, " +
    $"in {first.Elapsed.TotalSeconds:F2} s (CPU {cpu.TotalSeconds:F2} s)");
Console.WriteLine($"       memory: peak RSS {Mib(peakRss)} (at the end: {Mib(anon)} anonymous, {Mib(mapped)} file-backed, mostly the mapped databases); allocated {Mib(allocated)}");
Console.WriteLine($"       I/O: {Mib(io.Written - ioBefore.Written)} written in {io.Writes - ioBefore.Writes:N0} calls, {Mib(io.Read - ioBefore.Read)} read in {io.Reads - ioBefore.Reads:N0} calls");
Console.WriteLine($"       skipped: {(report.Skipped.Count == 0 ? "none" : string.Join(", ", report.Skipped.Select(s => $"{s.Key}: {s.Value:N0}")))}");
Console.WriteLine($"Run 2: {again.Outcome}; planned {again.Notices:N0} notices in {again.Digests:N0} digests, {again.Resumed:N0} handed over again, in {second.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"Ledger: {ledger.Digests:N0} digests, {ledger.Notices:N0} notices, {ledger.DistinctPerChat:N0} distinct (chat, key), " +
    $"{ledger.DistinctKeys:N0} distinct keys; {ledger.InboxDigests:N0} digest turns in the inbox, {ledger.InboxRepeats:N0} repeated");

var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

Check(report.Outcome == NoticeRunReport.Done, "run 1 did not finish");
Check(report.Chats == summary.Patrons, $"run 1 looked at {report.Chats} chats, not {summary.Patrons}");
Check(report.Notices == summary.Notices, $"run 1 planned {report.Notices} notices; the seed calls for {summary.Notices}");
Check(report.Digests == summary.ChatsWithNotices, $"run 1 planned {report.Digests} digests; {summary.ChatsWithNotices} chats have notices");
Check(ledger.Notices == summary.Notices && ledger.Digests == report.Digests, "the ledger does not hold what run 1 planned");
Check(!ledger.HasDuplicates, "duplicate notices or digest turns");
Check(ledger.InboxDigests == report.Digests, $"{ledger.InboxDigests} digest turns in the inbox for {report.Digests} digests");
Check(again.Outcome == NoticeRunReport.Done && again.Notices == 0 && again.Digests == 0 && again.Resumed == 0, "run 2 planned or handed over something again");
Check(ledgerAfter == ledger, "run 2 changed the ledger");

Console.WriteLine(failures.Count == 0 ? "Checks: passed" : "Checks FAILED: " + string.Join("; ", failures));
Console.WriteLine(first.Elapsed.TotalSeconds <= TargetSeconds
    ? $"Target (≤ {TargetSeconds} s, no duplicate): met"
    : $"Target (≤ {TargetSeconds} s, no duplicate): NOT met");
return failures.Count == 0 ? 0 : 1;

static void ResetPeakRss()
{
    try
    {
        // Linux: "5" resets the peak resident set size (VmHWM) of this process.
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.WriteLine("(peak RSS could not be reset: it includes start-up)");
    }
}

static long PeakRssBytes()
{
    if (File.Exists("/proc/self/status"))
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null)
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return Process.GetCurrentProcess().PeakWorkingSet64;
}

// Bytes and calls through read and write system calls (page cache included), from /proc/self/io; zeros elsewhere.
static (long Read, long Written, long Reads, long Writes) Io()
{
    if (!File.Exists("/proc/self/io"))
    {
        return default;
    }

    var values = File.ReadLines("/proc/self/io").Select(l => l.Split(':', StringSplitOptions.TrimEntries))
        .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    return (values["rchar"], values["wchar"], values["syscr"], values["syscw"]);
}

// Resident process memory (anonymous) and resident pages of mapped files (the databases), now.
static (long Anon, long File) RssNow()
{
    if (!File.Exists("/proc/self/status"))
    {
        return default;
    }

    long Kb(string name) => File.ReadLines("/proc/self/status").Where(l => l.StartsWith(name, StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();
    return (Kb("RssAnon:"), Kb("RssFile:"));
}

static string Mib(long bytes) => $"{bytes / 1_048_576.0:F0} MiB";
