using LibraryBot.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Telemetry;

/// <summary>
/// Counts the inbox's unprocessed entries and the outbox's pending replies in the store every
/// <c>Telemetry:BacklogSampleSeconds</c>, for the <c>librarybot.inbox.depth</c> and <c>librarybot.outbox.pending</c>
/// gauges (a scrape never waits for the store). Runs only while metrics are exported.
/// </summary>
public sealed class BacklogSampler(
    IInboxStore inbox,
    IOutboxStore outbox,
    BotMetrics metrics,
    TimeProvider clock,
    IOptions<TelemetryOptions> options,
    ILogger<BacklogSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.MetricsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.BacklogSampleSeconds), clock);
        try
        {
            do
            {
                try
                {
                    var depth = await inbox.CountPendingAsync(stoppingToken).ConfigureAwait(false);
                    var pending = await outbox.CountPendingAsync(stoppingToken).ConfigureAwait(false);
                    metrics.InboxSampled(depth, pending);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The store is down: /readyz says so; the gauges keep their last value.
                    BotLog.BacklogSampleFailed(logger, ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
