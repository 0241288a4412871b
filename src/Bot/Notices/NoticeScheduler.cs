using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Notices;

/// <summary>Runs notices every <c>Notices:IntervalMinutes</c> while <c>Notices:Enabled</c> (the first run a minute after start).</summary>
public sealed class NoticeScheduler(NoticeRun run, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<NoticeScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
        var delay = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                await run.RunAsync("schedule", stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                NoticesLog.ScheduledRunFailed(logger, ex.GetType().Name, options.Value.IntervalMinutes);
            }

            delay = interval;
        }
    }
}
