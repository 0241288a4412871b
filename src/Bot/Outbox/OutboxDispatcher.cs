using System.Diagnostics;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Instance;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Outbox;

/// <summary>
/// Sends pending replies through their channel's sender, one at a time per conversation (in order) and many
/// conversations in parallel. Transient failures are retried with backoff and jitter up to a limit; permanent ones
/// stop the reply with the channel's reason; the channel's message id is stored for each reply sent. Each attempt is an
/// <c>outbox send</c> span continuing the turn that wrote the reply, measured by <see cref="BotMetrics"/>.
/// Claims are made under this process's <see cref="InstanceIdentity"/>: at start it lifts the claims its identity still
/// holds (replies that were being sent when a process of the same identity was killed), so they leave at once rather
/// than after the lease.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    InstanceIdentity instance,
    IServiceProvider services,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    WorkerHealth health,
    BotMetrics metrics,
    IEnumerable<IRecipientEffectHandler> effectHandlers,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Resolved at the first send, once the server listens (sandbox senders call the server's own address).
    private readonly Lazy<Dictionary<ChannelId, IChannelSender>> _senders =
        new(() => services.GetServices<IChannelSender>().ToDictionary(s => s.Channel), LazyThreadSafetyMode.PublicationOnly);
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatchEnabled)
        {
            return;
        }

        health.OutboxRunning = true;
        try
        {
            await ReleaseOwnClaimsAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<OutboxItem> due;
                try
                {
                    due = await outbox.ClaimDueAsync(instance.Id, settings.ClaimBatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    BotLog.OutboxClaimFailed(logger, ex);
                    due = [];
                }

                if (due.Count == 0)
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(settings.PollMilliseconds), stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // Sends already started finish even when shutdown begins; their outcomes are recorded.
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelSends },
                    (item, _) => new ValueTask(SendOneAsync(item, settings))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            health.OutboxRunning = false;
        }
    }

    /// <summary>Lifts what this identity held before a restart; retried until it works (claims wait meanwhile).</summary>
    private async Task ReleaseOwnClaimsAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var released = await outbox.ReleaseClaimsAsync(instance.Id, stoppingToken).ConfigureAwait(false);
                if (released > 0)
                {
                    BotLog.OutboxClaimsTakenBack(logger, released);
                }

                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                BotLog.OutboxClaimFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one reply and records the outcome (public for tests that drive the dispatcher step by step).</summary>
    public async Task SendOneAsync(OutboxItem item, OutboxOptions settings)
    {
        var conversation = LogIds.Hash(item.To.Key);
        using var span = StartSpan(item);
        var started = clock.GetTimestamp();
        SendOutcome outcome;
        try
        {
            outcome = _senders.Value.TryGetValue(item.To.Channel, out var sender)
                ? await sender.SendAsync(new OutboundEnvelope(item.Id, item.To, item.Message, item.Locale, item.LastInboundAt, item.Attempts + 1), CancellationToken.None).ConfigureAwait(false)
                : SendOutcome.Failed($"No sender is configured for the {item.To.Channel} channel.");
        }
        catch (Exception ex)
        {
            BotLog.SendThrew(logger, ex, conversation);
            outcome = SendOutcome.Retry($"The sender failed: {ex.GetType().Name}.");
        }

        var now = clock.GetUtcNow();
        var gaveUp = outcome.Kind == SendOutcomeKind.RetryLater && item.Attempts + 1 >= settings.MaxAttempts;
        metrics.SendAttempted(item.To.Channel, outcome, gaveUp, clock.GetElapsedTime(started));
        span?.SetTag(LibraryBotTelemetry.OutcomeAttribute, gaveUp ? "gave_up" : outcome.Kind.ToString())
            .SetTag("librarybot.error_code", BotMetrics.ErrorCodeTag(outcome.ErrorCode));
        if (outcome.Kind != SendOutcomeKind.Sent)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        // The recipient's standing is recorded before the item is final, so whoever sees the item stopped also sees
        // why the recipient cannot be reached (and a crash in between retries the send rather than losing the flag).
        if (outcome.Effect != RecipientEffect.None)
        {
            await outbox.RecordRecipientEffectAsync(item.To.Key, outcome.Effect, outcome.Reason ?? outcome.Effect.ToString(), now, CancellationToken.None).ConfigureAwait(false);
        }

        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                await outbox.MarkSentAsync(item.Id, outcome.ChannelMessageId ?? string.Empty, now, CancellationToken.None).ConfigureAwait(false);
                break;
            case SendOutcomeKind.RetryLater when item.Attempts + 1 < settings.MaxAttempts:
                var delay = outcome.RetryAfter ?? RetryBackoff.Delay(item.Attempts + 1, settings.InitialBackoffSeconds, settings.MaxBackoffSeconds, _random);
                await outbox.ScheduleRetryAsync(item.Id, now + delay, outcome.Reason ?? "Transient failure.", outcome.ErrorCode, CancellationToken.None).ConfigureAwait(false);
                BotLog.SendRetry(logger, conversation, item.Attempts + 1, outcome.ErrorCode, delay.TotalSeconds);
                break;
            case SendOutcomeKind.RetryLater:
                await outbox.MarkStoppedAsync(item.Id, OutboxStatus.Failed, $"Gave up after {item.Attempts + 1} attempts: {outcome.Reason}", outcome.ErrorCode, now, CancellationToken.None).ConfigureAwait(false);
                BotLog.SendStopped(logger, conversation, "failed", outcome.ErrorCode);
                break;
            default:
                var status = outcome.Kind == SendOutcomeKind.Held ? OutboxStatus.Held : OutboxStatus.Failed;
                await outbox.MarkStoppedAsync(item.Id, status, outcome.Reason ?? "Refused by the channel.", outcome.ErrorCode, now, CancellationToken.None).ConfigureAwait(false);
                BotLog.SendStopped(logger, conversation, status.ToString(), outcome.ErrorCode);
                break;
        }

        if (outcome.Effect != RecipientEffect.None)
        {
            foreach (var handler in effectHandlers)
            {
                await handler.OnEffectAsync(item, outcome.Effect, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The send's span: a child of the turn that wrote the reply (its trace context was stored with it).</summary>
    private static System.Diagnostics.Activity? StartSpan(OutboxItem item)
    {
        ActivityContext.TryParse(item.TraceParent, null, isRemote: true, out var parent);
        var span = LibraryBotTelemetry.Source.StartActivity("outbox send", ActivityKind.Producer, parent);
        span?.SetTag(LibraryBotTelemetry.ChannelAttribute, ChannelTags.Of(item.To.Channel)).SetTag("librarybot.outbox.attempt", item.Attempts + 1);
        if (item.InboundDedupeKey is { } inbound)
        {
            span?.SetTag(LibraryBotTelemetry.ActivityIdAttribute, LogIds.Hash(inbound));
        }

        return span;
    }
}
