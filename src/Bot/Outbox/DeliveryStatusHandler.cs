using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Outbox;

/// <summary>
/// Applies a channel's delivery receipt to the outbox record of the reply it refers to. A failure with an error code
/// goes through the channel's own error mapping (the one its sender uses for synchronous errors), so an undeliverable
/// number or a marketing opt-out is recorded the same way whichever path reported it.
/// </summary>
public sealed class DeliveryStatusHandler(
    IOutboxStore outbox,
    IEnumerable<IDeliveryFailureClassifier> classifiers,
    TimeProvider clock,
    BotMetrics metrics,
    IEnumerable<IRecipientEffectHandler> effectHandlers,
    IEnumerable<IDeliveryReceiptObserver> observers,
    ILogger<DeliveryStatusHandler> logger)
{
    private readonly Dictionary<ChannelId, IDeliveryFailureClassifier> _classifiers = classifiers.ToDictionary(c => c.Channel);

    public async Task ApplyAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Status is not { } status)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var item = await outbox.ApplyDeliveryStatusAsync(status, now, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            BotLog.DeliveryStatusUnknown(logger, status.State.ToString());
            return;
        }

        if (status.State == DeliveryState.Failed)
        {
            metrics.DeliveryFailed(activity.Channel, status.ErrorCode);
        }

        foreach (var observer in observers)
        {
            await observer.OnReceiptAsync(item, status, cancellationToken).ConfigureAwait(false);
        }

        if (status.State != DeliveryState.Failed || !_classifiers.TryGetValue(activity.Channel, out var classifier))
        {
            return;
        }

        var outcome = classifier.Classify(status);
        BotLog.DeliveryFailed(logger, LogIds.Hash(item.To.Key), status.ErrorCode, outcome.Kind.ToString());
        if (outcome.Effect != RecipientEffect.None)
        {
            await outbox.RecordRecipientEffectAsync(item.To.Key, outcome.Effect, outcome.Reason ?? status.ErrorMessage ?? outcome.Effect.ToString(), now, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Effect != RecipientEffect.None)
        {
            foreach (var handler in effectHandlers)
            {
                await handler.OnEffectAsync(item, outcome.Effect, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
