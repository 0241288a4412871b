// Load benchmark for the message spine (issue 13). Prints figures; it asserts nothing.
//   dotnet run -c Release --project bench/LibraryBot.LoadBench -- [--duration 30] [--connections 64] [--senders 10000] [--drain-seconds 60]
// It starts a fake Graph API (this process) and the Release server (child process, its own SQLite file, sending to the
// fake), then wrk posting signed webhook bodies. Phases: (1) webhooks and turns together, then a bounded wait for the
// backlog; (2) webhooks alone, then a restart with turns on that drains the stored backlog for a bounded time;
// (3) kill -9 with replies in flight, and how long after the restart they are all sent.
using System.Diagnostics;
using System.Globalization;
using LibraryBot.LoadBench;

var settings = BenchSettings.Parse(args);
var root = BenchPaths.RepositoryRoot();
var work = Directory.CreateTempSubdirectory("librarybot-load-");
await using var graph = await FakeGraphApi.StartAsync();
await using var server = await BenchServer.StartAsync(root, work.FullName, graph.BaseUrl, settings);
Console.WriteLine($"server pid {server.ProcessId} on {server.BaseUrl}; fake Graph API on {graph.BaseUrl}; load {Load()}");

var sentBefore = graph.Received;
var stopwatch = Stopwatch.StartNew();
var wrk = await Wrk.RunAsync(root, server.BaseUrl, settings);
var loadSeconds = stopwatch.Elapsed.TotalSeconds;
var turnsDuringLoad = server.CompletedTurns();
var sentDuringLoad = graph.Received - sentBefore;

var drained = await server.WaitForDrainAsync(TimeSpan.FromSeconds(settings.DrainSeconds));
var totalSeconds = stopwatch.Elapsed.TotalSeconds;
var turnsTotal = server.CompletedTurns();
var peakRssMb = server.PeakRssMegabytes();
var cpuMsPerTurn = server.CpuTime().TotalMilliseconds / Math.Max(1, turnsTotal);
await server.DisposeAsync();

string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

// Phase 2: the same load with turns off (acknowledgement path alone), then turns on to drain that backlog.
var ackWork = Directory.CreateTempSubdirectory("librarybot-load-ack-");
Wrk ackOnly;
double drainTurnsPerSecond;
long drainTurns;
long backlog;
double drainCpuMsPerTurn;
await using (var webhookOnly = await BenchServer.StartAsync(root, ackWork.FullName, graph.BaseUrl, settings, processing: false))
{
    ackOnly = await Wrk.RunAsync(root, webhookOnly.BaseUrl, settings);
    backlog = webhookOnly.PendingTurns();
}

var drainLoad = "";
await using (var drainer = await BenchServer.StartAsync(root, ackWork.FullName, graph.BaseUrl, settings, processing: true))
{
    var drainWatch = Stopwatch.StartNew();
    await drainer.WaitForDrainAsync(TimeSpan.FromSeconds(settings.DrainSeconds));
    drainTurns = drainer.CompletedTurns();
    drainTurnsPerSecond = drainTurns / drainWatch.Elapsed.TotalSeconds;
    drainCpuMsPerTurn = drainer.CpuTime().TotalMilliseconds / Math.Max(1, drainTurns);
    drainLoad = Load();
}

// Phase 3: kill -9 with replies in flight.
var crash = await CrashRecovery.MeasureAsync(root, graph, settings, TimeSpan.FromSeconds(150));

Console.WriteLine();
Console.WriteLine($"acknowledged messages/s : {F(wrk.Requests / wrk.Seconds)} ({wrk.Requests} requests, {wrk.NonOk} not 200, {wrk.Seconds:F1} s, {settings.Connections} connections, {settings.Senders} senders)");
Console.WriteLine($"ack latency p50 / p99   : {wrk.P50Ms:F2} ms / {wrk.P99Ms:F2} ms");
Console.WriteLine($"completed turns/s (load): {F(turnsDuringLoad / loadSeconds)} ({turnsDuringLoad} turns in {loadSeconds:F1} s)");
Console.WriteLine($"completed turns/s (all) : {F(turnsTotal / totalSeconds)} ({turnsTotal} turns in {totalSeconds:F1} s, backlog drained within {settings.DrainSeconds} s: {drained})");
Console.WriteLine($"replies sent to Graph   : {graph.Received} ({F(sentDuringLoad / loadSeconds)}/s during load)");
Console.WriteLine($"peak RSS (server)       : {peakRssMb:F0} MB");
Console.WriteLine($"server CPU per message  : {cpuMsPerTurn:F3} ms (ack + turn + replies; 2 cores allow at most {F(2000 / cpuMsPerTurn)} messages/s)");
Console.WriteLine($"acked msg/s, turns off  : {F(ackOnly.Requests / ackOnly.Seconds)} (p50 {ackOnly.P50Ms:F2} ms, p99 {ackOnly.P99Ms:F2} ms)");
Console.WriteLine($"turns/s draining backlog: {F(drainTurnsPerSecond)} ({drainTurns} of {backlog} stored turns in at most {settings.DrainSeconds} s, no inbound load; server CPU {drainCpuMsPerTurn:F2} ms per turn; load {drainLoad})");
Console.WriteLine($"crash recovery          : {crash.InFlight} replies in flight at kill -9; all sent {crash.SentSeconds:F1} s after the restart (server ready after {crash.ReadySeconds:F1} s; all sent: {crash.AllSent})");
Console.WriteLine($"load average at the end : {Load()}");
Console.WriteLine();
Console.WriteLine($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {Environment.ProcessorCount} cores | {F(wrk.Requests / wrk.Seconds)} | {wrk.P50Ms:F2} | {wrk.P99Ms:F2} | {F(turnsDuringLoad / loadSeconds)} | {F(turnsTotal / totalSeconds)} | {peakRssMb:F0} MB | {F(drainTurnsPerSecond)} | {crash.SentSeconds:F1} s |");
work.Delete(recursive: true);
ackWork.Delete(recursive: true);

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
