using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Outbox;

/// <summary>Applies a channel's delivery receipt to the outbox record of the reply it refers to.</summary>
public sealed class DeliveryStatusHandler(IOutboxStore outbox, TimeProvider clock, ILogger<DeliveryStatusHandler> logger)
{
    public async Task ApplyAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Status is not { } status)
        {
            return;
        }

        var item = await outbox.ApplyDeliveryStatusAsync(status, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            BotLog.DeliveryStatusUnknown(logger, status.State.ToString());
        }
    }
}
