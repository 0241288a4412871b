using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Around the dialogs: records the patron's message (not when the previous prompt marked it sensitive) and the bot's
/// replies; when the turn created a request for a librarian, tells the patron when someone will answer if staff are out,
/// marks the request in the transcript, and tells the console. While the patron waits, keeps their channel profile name
/// for the queue.
/// </summary>
public sealed class TranscriptMiddleware(TranscriptRecorder recorder, HandoffAvailability availability, IHandoffNotifier notifier) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var privacy = TranscriptRecorder.PrivacyOf(context.State);
        var wasWaiting = context.State.Escalation is not null;
        await next(context, cancellationToken).ConfigureAwait(false);

        var escalation = context.State.Escalation;
        var requested = !wasWaiting && escalation is not null;
        if (requested && await availability.NoticeAsync(context.Locale, context.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } notice)
        {
            context.SendText(notice);
        }

        PatronNames.Remember(context);
        await recorder.RecordTurnAsync(context, privacy, cancellationToken).ConfigureAwait(false);
        if (requested)
        {
            await recorder.RecordRequestAsync(context, EscalationReasonText.Describe(escalation!.Reason, escalation.Detail), cancellationToken).ConfigureAwait(false);
        }

        if (wasWaiting || escalation is not null)
        {
            notifier.ConversationChangedAfterTurn(context.Activity.DedupeKey, context.Activity.Conversation.Key);
        }
    }
}
