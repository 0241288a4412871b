using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.BroadcastBench;
using Microsoft.Extensions.DependencyInjection;

// One broadcast to many WhatsApp chats signed up for "events" (see docs/benchmarks.md): the audience planned in-process,
// then the real server dispatching it to a recording fake Graph API at the broadcast's rate.
// Usage: dotnet bench/LibraryBot.BroadcastBench/bin/Release/net10.0/LibraryBot.BroadcastBench.dll
//          [--patrons 100000] [--rate 200] [--seconds 30] [--cancel-after-window] [--plan-only] [--dir DIR] [--reseed]
var patrons = 100_000;
var rate = 200;
var windowSeconds = 30;
var cancelAfterWindow = false;
var planOnly = false;
var root = Path.Combine(Path.GetTempPath(), "librarybot-broadcast-bench");
var reseed = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--patrons":
            patrons = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rate":
            rate = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seconds":
            windowSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--cancel-after-window":
            cancelAfterWindow = true;
            break;
        case "--plan-only":
            planOnly = true;
            break;
        case "--dir":
            root = args[++i];
            break;
        case "--reseed":
            reseed = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--patrons N] [--rate R] [--seconds S] [--cancel-after-window] [--plan-only] [--dir DIR] [--reseed]");
            return 2;
    }
}

const double PlanTargetSeconds = 5;
const double RateTolerancePercent = 2;
// The first seconds after the first message are the ramp (the bucket starts empty, the turn pipeline warms up).
const int RampSeconds = 3;
// Seeded chats wrote within the last hours: a seed older than this would put them outside WhatsApp's 24-hour window.
var maxSeedAge = TimeSpan.FromHours(18);
const int SeedVersion = 1;

var seedDir = Path.Combine(root, $"seed-v{SeedVersion}-{patrons}");
var summaryFile = Path.Combine(seedDir, "seed.json");
var seed = File.Exists(summaryFile) ? JsonSerializer.Deserialize<SeedSummary>(File.ReadAllText(summaryFile)) : null;
if (reseed || seed is null || DateTimeOffset.UtcNow - seed.SeededAt > maxSeedAge)
{
    if (Directory.Exists(seedDir))
    {
        Directory.Delete(seedDir, recursive: true);
    }

    Console.WriteLine($"Seeding {patrons:N0} WhatsApp chats signed up for '{BroadcastScale.Topic}' into {seedDir} …");
    var watch = Stopwatch.StartNew();
    await using (var seeding = BroadcastScale.Open(seedDir))
    {
        seed = await seeding.SeedAsync(patrons, line => Console.WriteLine("  " + line), CancellationToken.None);
    }

    File.WriteAllText(summaryFile, JsonSerializer.Serialize(seed));
    Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s");
}

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

var expected = seed.Patrons - seed.Stopped;
Console.WriteLine($"Seed: {seed.Patrons:N0} chats signed up for '{BroadcastScale.Topic}' at {seed.SeededAt:yyyy-MM-dd HH:mm} UTC, {seed.Stopped:N0} of them later wrote STOP");
Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");

var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

var audience = new BroadcastAudience([BroadcastScale.Topic], [], [], []);
var content = new BroadcastContent(new Dictionary<string, string>
{
    ["en"] = "Author talk on Saturday at 11:00 in the main library.",
    ["es"] = "Charla con una autora el sábado a las 11:00 en la biblioteca central.",
    ["zh"] = "本周六11:00在总馆举办作家讲座。",
    ["vi"] = "Buổi nói chuyện với tác giả lúc 11:00 thứ Bảy tại thư viện chính.",
});

// 1. Planning, in-process: the planner and the store the server uses, over the same files.
var planSeconds = new List<double>();
await using (var scale = BroadcastScale.Open(runDir))
{
    var planner = scale.Services.GetRequiredService<AudiencePlanner>();
    var store = scale.Services.GetRequiredService<IBroadcastStore>();
    for (var run = 1; run <= 2; run++)
    {
        var id = $"bench-plan-{run}-{Guid.NewGuid():N}"[..24];
        await store.CreateAsync(new Broadcast(id, $"Plan {run}", audience, content, null, null, rate, BroadcastStatus.Draft, "bench", DateTimeOffset.UtcNow), CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var plan = await planner.PlanAsync(id, audience, hasWhatsAppTemplate: false, CancellationToken.None);
        var planned = watch.Elapsed;
        var added = await store.AddRecipientsAsync(plan.Recipients, CancellationToken.None);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        planSeconds.Add(watch.Elapsed.TotalSeconds);
        var excluded = plan.Recipients.Count - plan.Count;
        Console.WriteLine($"Plan {run}: planned {plan.Count:N0} recipients in {watch.Elapsed.TotalSeconds:F2} s (excluded {excluded:N0}: " +
            $"{string.Join(", ", plan.Excluded.Select(e => $"{e.Key} {e.Value:N0}"))}); PlanAsync {planned.TotalSeconds:F2} s, " +
            $"AddRecipientsAsync {(watch.Elapsed - planned).TotalSeconds:F2} s, CPU {cpu.TotalSeconds:F2} s; load average {LoadAverage()}");
        Check(plan.Count == expected, $"plan {run} has {plan.Count} recipients; the seed calls for {expected}");
        Check(plan.Excluded.GetValueOrDefault(ExclusionReasons.Stop) == seed.Stopped && excluded == seed.Stopped,
            $"plan {run} excluded {excluded}; the seed has {seed.Stopped} who wrote STOP");
        Check(added == plan.Recipients.Count, $"plan {run} stored {added} of {plan.Recipients.Count} recipients");
    }

    Console.WriteLine($"Planning's reads, each alone: {await PlanBreakdown.MeasureAsync(scale.Services, BroadcastScale.Topic)}");
}

if (planOnly)
{
    Console.WriteLine(failures.Count == 0 ? "Checks: passed" : "Checks FAILED: " + string.Join("; ", failures));
    Console.WriteLine($"Target: planned in ≤ {PlanTargetSeconds} s: {(planSeconds.Max() <= PlanTargetSeconds ? "met" : "NOT met")} (--plan-only: no dispatch)");
    return failures.Count == 0 ? 0 : 1;
}

// 2. Dispatch: the real server on those files, the broadcast written and sent through the staff API.
await using var fake = await RecordingGraphApi.StartAsync();
await using var server = await BenchServer.StartAsync(BenchServer.RepositoryRoot(), runDir, fake.BaseUrl);
using var admin = await server.SignInAsync();
var createWatch = Stopwatch.StartNew();
using var createdResponse = await admin.PostAsJsonAsync("/api/staff/broadcasts", new
{
    name = "Author talk",
    audience = new { topics = new[] { BroadcastScale.Topic } },
    content = content.Text,
    ratePerSecond = rate,
});
var createdText = await createdResponse.Content.ReadAsStringAsync();
if (!createdResponse.IsSuccessStatusCode)
{
    Console.WriteLine($"Creating the broadcast failed: {(int)createdResponse.StatusCode} {createdText}");
    return 1;
}

var created = JsonNode.Parse(createdText)!;
var broadcastId = (string)created["id"]!;
Console.WriteLine($"API: created with audienceCount {(int)created["audienceCount"]!:N0} in {createWatch.Elapsed.TotalSeconds:F2} s (the server counts the segment)");
Check((int)created["audienceCount"]! == expected, $"the API counted {(int)created["audienceCount"]!} recipients, not {expected}");

var sendWatch = Stopwatch.StartNew();
(await admin.PostAsync($"/api/staff/broadcasts/{broadcastId}/send", null)).EnsureSuccessStatusCode();
var serverCpuAtSend = server.CpuTime();
while (await StatusAsync() == "scheduled")
{
    await Task.Delay(100);
}

Console.WriteLine($"API: sending {sendWatch.Elapsed.TotalSeconds:F2} s after send (poll ≤ 1 s + the server planning and storing {expected:N0} recipients)");
while (fake.Count == 0)
{
    await Task.Delay(20);
}

var first = fake.Arrivals()[0];
var windowStart = first + TimeSpan.FromSeconds(RampSeconds);
var windowEnd = windowStart + TimeSpan.FromSeconds(windowSeconds);
while (fake.Now < windowEnd + TimeSpan.FromMilliseconds(200))
{
    await Task.Delay(250);
}

var arrivals = fake.Arrivals();
var perSecond = Enumerable.Range(0, windowSeconds)
    .Select(s => arrivals.Count(a => a >= windowStart + TimeSpan.FromSeconds(s) && a < windowStart + TimeSpan.FromSeconds(s + 1))).ToList();
var achieved = perSecond.Sum() / (double)windowSeconds;
var error = (achieved - rate) / rate * 100;
Console.WriteLine($"Dispatch: dispatched at {achieved:F1} msg/s (target {rate}, error {error:+0.00;-0.00} %) over {windowSeconds} s " +
    $"from {RampSeconds} s after the first message; per second min {perSecond.Min()}, max {perSecond.Max()}; server CPU " +
    $"{(server.CpuTime() - serverCpuAtSend).TotalSeconds / sendWatch.Elapsed.TotalSeconds * 100:F0} % of one core since send; load average {LoadAverage()}");
Check(Math.Abs(error) <= RateTolerancePercent, $"rate {achieved:F1}/s is off the target {rate}/s by more than ±{RateTolerancePercent} %");

if (cancelAfterWindow)
{
    (await admin.PostAsync($"/api/staff/broadcasts/{broadcastId}/cancel", null)).EnsureSuccessStatusCode();
    Console.WriteLine("Cancelled after the window (--cancel-after-window): duplicates are checked over what was sent.");
}
else
{
    Console.WriteLine($"Letting it finish ({expected - fake.Count:N0} to go, about {(expected - fake.Count) / (double)rate:F0} s) …");
}

// Until the broadcast is over and nothing more arrives at the fake for 3 s.
var quietSince = (Count: -1, At: TimeSpan.Zero);
while (true)
{
    await Task.Delay(1000);
    var status = await StatusAsync();
    var count = fake.Count;
    if (count != quietSince.Count)
    {
        quietSince = (count, fake.Now);
    }

    if (status is "finished" or "cancelled" && fake.Now - quietSince.At >= TimeSpan.FromSeconds(3))
    {
        break;
    }
}

arrivals = fake.Arrivals();
var whole = (arrivals[^1] - arrivals[0]).TotalSeconds;
Console.WriteLine($"Whole broadcast: {arrivals.Count:N0} messages from the first to the last in {whole:F1} s ({(arrivals.Count - 1) / whole:F1} msg/s)");

// 3. Exactly once: at the fake per recipient, and in the outbox per turn (inbound dedupe key) and per chat.
var perRecipient = fake.PerRecipient();
var fakeDuplicates = perRecipient.Values.Sum(n => n - 1);
var prefix = BroadcastKeys.DedupeKey(broadcastId, string.Empty);
var outboxRows = BroadcastScale.Scalar(runDir, $"SELECT count(*) FROM outbox WHERE inbound_dedupe_key LIKE '{prefix}%'");
var outboxDuplicateKeys = BroadcastScale.Scalar(runDir,
    $"SELECT count(*) FROM (SELECT inbound_dedupe_key FROM outbox WHERE inbound_dedupe_key LIKE '{prefix}%' GROUP BY inbound_dedupe_key HAVING count(*) > 1)");
var outboxDuplicateChats = BroadcastScale.Scalar(runDir,
    $"SELECT count(*) FROM (SELECT conversation_key FROM outbox WHERE inbound_dedupe_key LIKE '{prefix}%' GROUP BY conversation_key HAVING count(*) > 1)");
var view = JsonNode.Parse(await admin.GetStringAsync($"/api/staff/broadcasts/{broadcastId}"))!;
var funnel = view["funnel"]!;
Console.WriteLine($"Funnel: audience {(int)funnel["audience"]!:N0}, sent {(int)funnel["sent"]!:N0}, failed {(int)funnel["failed"]!:N0}, " +
    $"excluded {(int)funnel["excluded"]!:N0}, skipped {(int)funnel["skipped"]!:N0}; outbox {outboxRows:N0} rows; fake {arrivals.Count:N0} messages to {perRecipient.Count:N0} numbers");
Console.WriteLine($"duplicates: {fakeDuplicates + outboxDuplicateKeys + outboxDuplicateChats} " +
    $"(fake: {fakeDuplicates} extra messages; outbox: {outboxDuplicateKeys} turn keys and {outboxDuplicateChats} chats with more than one row)");
Check(fakeDuplicates == 0 && outboxDuplicateKeys == 0 && outboxDuplicateChats == 0, "duplicates");
Check(outboxRows == arrivals.Count, $"the outbox has {outboxRows} rows for {arrivals.Count} messages at the fake");
Check((int)funnel["sent"]! == arrivals.Count, $"the funnel counts {(int)funnel["sent"]!} sent for {arrivals.Count} at the fake");
Check(cancelAfterWindow || arrivals.Count == expected, $"{arrivals.Count} messages at the fake for {expected} recipients");
Check(perRecipient.Keys.All(to => to.StartsWith("3460", StringComparison.Ordinal)), "a message went to a number that was not seeded");

var planOk = planSeconds.Max() <= PlanTargetSeconds;
Console.WriteLine(failures.Count == 0 ? "Checks: passed" : "Checks FAILED: " + string.Join("; ", failures));
Console.WriteLine($"Targets: planned in ≤ {PlanTargetSeconds} s: {(planOk ? "met" : "NOT met")}; {rate}/s within ±{RateTolerancePercent} %: " +
    $"{(Math.Abs(error) <= RateTolerancePercent ? "met" : "NOT met")}; no duplicate: {(fakeDuplicates + outboxDuplicateKeys + outboxDuplicateChats == 0 ? "met" : "NOT met")}");
return failures.Count == 0 && planOk ? 0 : 1;

async Task<string> StatusAsync() => (string)JsonNode.Parse(await admin.GetStringAsync($"/api/staff/broadcasts/{broadcastId}"))!["status"]!;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
