using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>Deletes transcripts past <c>Handoff:TranscriptRetentionDays</c> and masks those past <c>TranscriptMaskAfterDays</c>, periodically.</summary>
public sealed class TranscriptSweeper(ITranscriptStore transcripts, IOptions<HandoffOptions> options, TimeProvider clock, ILogger<TranscriptSweeper> logger) : BackgroundService
{
    public async Task<(int Deleted, int Masked)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var result = await transcripts.SweepAsync(now.AddDays(-settings.TranscriptRetentionDays), now.AddDays(-settings.TranscriptMaskAfterDays), cancellationToken).ConfigureAwait(false);
        HandoffLog.TranscriptsSwept(logger, result.Deleted, result.Masked);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes), clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                HandoffLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
