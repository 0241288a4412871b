using System.Diagnostics;
using System.Globalization;
using LibraryBot.Channels.WhatsApp.Sending;

// Shows that the WhatsApp send limiter holds its configured rate: many concurrent senders call WaitAsync as fast as
// they can for a fixed time; the achieved rate (including the initial burst of a tenth of a second's worth) and the
// busiest one-second window are printed. Exits 1 if a rate is off by more than 2 %.
// Usage: dotnet run -c Release --project bench/LibraryBot.Channels.Benchmarks [seconds=30] [rates=80,1000]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var rates = args.Length > 1 ? args[1].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray() : [80, 1000];
var allWithin = true;
foreach (var rate in rates)
{
    var result = await MeasureAsync(rate, TimeSpan.FromSeconds(seconds), concurrency: 64);
    var deviation = (result.Rate - rate) / rate * 100;
    var within = Math.Abs(deviation) <= 2;
    allWithin &= within;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"target {rate,5}/s over {seconds}s: {result.Count,7} sends = {result.Rate,8:F2}/s ({deviation,6:+0.00;-0.00} %), busiest 1 s window {result.BusiestSecond,5}, {(within ? "within" : "OUTSIDE")} ±2 %"));
}

return allWithin ? 0 : 1;

static async Task<(long Count, double Rate, int BusiestSecond)> MeasureAsync(int rate, TimeSpan duration, int concurrency)
{
    var limiter = new WhatsAppRateLimiter(rate, TimeProvider.System);
    var clock = Stopwatch.StartNew();
    var stamps = new List<long>[concurrency];
    using var stop = new CancellationTokenSource(duration);
    var workers = Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = stamps[worker] = new List<long>(rate * (int)duration.TotalSeconds / concurrency + 16);
        try
        {
            while (true)
            {
                await limiter.WaitAsync(stop.Token);
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                mine.Add(clock.ElapsedTicks);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }).ToArray();
    await Task.WhenAll(workers);
    var all = stamps.SelectMany(s => s).Order().ToArray();
    var elapsed = duration.TotalSeconds;
    var busiest = 0;
    var windowTicks = Stopwatch.Frequency;
    for (int start = 0, end = 0; end < all.Length; end++)
    {
        while (all[end] - all[start] >= windowTicks)
        {
            start++;
        }

        busiest = Math.Max(busiest, end - start + 1);
    }

    return (all.Length, all.Length / elapsed, busiest);
}
