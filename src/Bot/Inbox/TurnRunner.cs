using System.Diagnostics;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Shared;
using Microsoft.Extensions.Logging;
using Activity = LibraryBot.Channels.Activities.Activity;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// Runs one inbox entry: loads the conversation, runs the pipeline, and commits the new state, the replies and the
/// consumption of the entry in one operation. A conflicting commit (another turn or process got there first) is retried
/// from a fresh load, so two turns of one conversation never both take effect. Each turn is a <c>turn</c> span
/// (continuing the webhook's trace) and is measured by <see cref="BotMetrics"/>: inbox lag, duration and failures.
/// </summary>
public sealed class TurnRunner(
    IConversationStore conversations,
    IInboxStore inbox,
    TurnPipeline pipeline,
    IServiceProvider services,
    TimeProvider clock,
    BotText text,
    DeliveryStatusHandler deliveryStatuses,
    ConversationEraser eraser,
    SecretVault secrets,
    SecretQuestions secretQuestions,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    BotMetrics metrics,
    ILogger<TurnRunner> logger)
{
    public const int MaxConflictRetries = 8;

    public async Task RunAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var activity = entry.Activity;
        using var span = StartSpan(activity);
        var started = clock.GetTimestamp();
        metrics.TurnStarted(activity.Channel, clock.GetUtcNow() - entry.ReceivedAt);
        var outcome = TurnOutcome.Aborted;
        try
        {
            outcome = await RunTurnAsync(entry, span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not committed: the entry stays pending and is run again (the processor logs it).
            metrics.TurnFailed(activity.Channel, "commit", ex);
            span?.SetStatus(ActivityStatusCode.Error).SetTag("error.type", ex.GetType().Name);
            throw;
        }
        finally
        {
            metrics.TurnEnded(activity.Channel, activity.Type, outcome, clock.GetElapsedTime(started));
            span?.SetTag(LibraryBotTelemetry.OutcomeAttribute, outcome.ToString());
        }
    }

    /// <summary>The turn's span: a child of the span that stored the activity (its trace context was stored with it).</summary>
    private static System.Diagnostics.Activity? StartSpan(Activity activity)
    {
        ActivityContext.TryParse(activity.TraceParent, null, isRemote: true, out var parent);
        return LibraryBotTelemetry.Source.StartActivity("turn", ActivityKind.Consumer, parent)?
            .SetTag(LibraryBotTelemetry.ChannelAttribute, ChannelTags.Of(activity.Channel))
            .SetTag(LibraryBotTelemetry.ActivityIdAttribute, LogIds.Hash(activity.DedupeKey))
            .SetTag("librarybot.activity.type", activity.Type.ToString());
    }

    private async Task<TurnOutcome> RunTurnAsync(InboxEntry entry, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        var activity = entry.Activity;
        if (activity.Type == ActivityType.DeliveryStatus)
        {
            await deliveryStatuses.ApplyAsync(activity, cancellationToken).ConfigureAwait(false);
            await inbox.CompleteAsync(entry.Sequence, cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Completed;
        }

        var key = activity.Conversation.Key;
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await conversations.LoadAsync(key, cancellationToken).ConfigureAwait(false);
            var state = snapshot?.State ?? new ConversationState { IsNew = true, Locale = BotLocales.Normalize(activity.LocaleHint) };
            if (state.HasProcessed(activity.DedupeKey))
            {
                await inbox.CompleteAsync(entry.Sequence, cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Duplicate;
            }

            var (context, failed) = await RunPipelineAsync(activity, state, secrets.Peek(activity.DedupeKey), cancellationToken).ConfigureAwait(false);
            var commit = new TurnCommit(key, snapshot?.ETag, context.State, ToRecords(context, span?.Id), entry.Sequence);
            // Whether the next message answers a question for a secret (a PIN) is known before the commit makes the
            // replies visible to the outbox: a patron who answers at once is redacted, and one who moved on is not.
            var waitedForSecret = secretQuestions.IsWaiting(key);
            secretQuestions.Update(key, context.State);
            try
            {
                await conversations.CommitTurnAsync(commit, cancellationToken).ConfigureAwait(false);
                BotLog.TurnCompleted(logger, LogIds.Hash(key), context.Replies.Count, attempt);
                secrets.Forget(activity.DedupeKey);
                inboxSignal.NotifyTurnCompleted(activity.DedupeKey);
                if (context.Erase != ConversationErasure.None)
                {
                    await eraser.EraseAsync(key, stopPending: context.Erase == ConversationErasure.StopEverything, cancellationToken).ConfigureAwait(false);
                }

                if (context.Replies.Count > 0)
                {
                    outboxSignal.Notify();
                }

                span?.SetTag("librarybot.turn.replies", context.Replies.Count);
                return failed ? TurnOutcome.Failed : TurnOutcome.Completed;
            }
            catch (Exception) when (Restore(key, waitedForSecret))
            {
                throw;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                BotLog.TurnConflict(logger, LogIds.Hash(key), attempt);
                if (await inbox.IsCompletedAsync(activity.DedupeKey, cancellationToken).ConfigureAwait(false) == true)
                {
                    inboxSignal.NotifyTurnCompleted(activity.DedupeKey);
                    return TurnOutcome.Duplicate;
                }
            }
        }
    }

    /// <summary>The commit failed: the stored state is still the one before the turn, and so is whether it waits for a secret.</summary>
    private bool Restore(string key, bool waitedForSecret)
    {
        secretQuestions.Restore(key, waitedForSecret);
        return false;
    }

    /// <summary>Runs the pipeline; on a failure, the apology's context and true.</summary>
    private async Task<(TurnContext Context, bool Failed)> RunPipelineAsync(Activity activity, ConversationState state, KeptSecret? secret, CancellationToken cancellationToken)
    {
        if (IsFromPatron(activity) && (state.LastInboundAt is null || activity.Timestamp > state.LastInboundAt))
        {
            state.LastInboundAt = activity.Timestamp;
        }

        // A message that was a secret as a whole (a PIN typed on its own) is given back to the turn as it was typed.
        var context = secret is { WholeMessage: true }
            ? new TurnContext(activity with { Text = secret.Secret }, state, services, clock, text) { MessageIsSecret = true }
            : new TurnContext(activity, state, services, clock, text) { Secret = secret?.Secret };
        try
        {
            await pipeline.RunAsync(context, cancellationToken).ConfigureAwait(false);
            return (context, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One poison message must not block the conversation: apologise, keep the stack as it was before, move on.
            BotLog.TurnFailed(logger, ex, LogIds.Hash(activity.Conversation.Key), ex.GetType().Name);
            metrics.TurnFailed(activity.Channel, "pipeline", ex);
            var recovered = new TurnContext(activity, StoreJson.Deserialize<ConversationState>(StoreJson.Serialize(state)), services, clock, text);
            recovered.State.DialogStack.Clear();
            recovered.State.RememberProcessed(activity.DedupeKey);
            recovered.Say("Turn.Error");
            return (recovered, true);
        }
    }

    private List<OutboundRecord> ToRecords(TurnContext context, string? traceParent)
    {
        var now = clock.GetUtcNow();
        var activity = context.Activity;
        return context.Replies
            .Select((message, index) => new OutboundRecord(activity.Conversation, message, context.Locale, activity.DedupeKey, now,
                index == 0 ? activity.AwaitingReplyUntil : null, traceParent))
            .ToList();
    }

    private static bool IsFromPatron(Activity activity) =>
        activity.Type is ActivityType.Message or ActivityType.ChoiceReply or ActivityType.Location or ActivityType.Media
        || activity.Event?.Kind is ChannelEventKind.Follow or ChannelEventKind.MenuClick or ChannelEventKind.Scan;
}
