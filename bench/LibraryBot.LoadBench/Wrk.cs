using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LibraryBot.LoadBench;

/// <summary>Runs wrk (Debian package) with the signing script and reads the figures it prints.</summary>
internal sealed partial record Wrk(long Requests, double Seconds, long NonOk, double P50Ms, double P99Ms)
{
    public static async Task<Wrk> RunAsync(string root, string baseUrl, BenchSettings settings)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "webhook.lua");
        var start = new ProcessStartInfo("wrk", [
            "-t", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", settings.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", settings.DurationSeconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--latency", "-s", script, baseUrl,
        ]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["LB_SENDERS"] = settings.Senders.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine(output);
        var m = ResultLine().Match(output);
        if (!m.Success)
        {
            throw new InvalidOperationException("wrk printed no result line.");
        }

        long L(string name) => long.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        return new Wrk(L("requests"), L("duration") / 1e6, L("errors"), L("p50") / 1000.0, L("p99") / 1000.0);
    }

    [GeneratedRegex(@"LB_RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) errors_status=(?<errors>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+)")]
    private static partial Regex ResultLine();
}
