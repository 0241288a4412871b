using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Middleware;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// The handoff's gate (replaces the basic state gate). While a librarian owns the chat, every patron message goes to the
/// transcript and the console and the bot stays silent — "menu" and "cancel" included; "bot" (in any of the four languages)
/// hands back or leaves the queue. Also takes the answer to the satisfaction question after a closed chat.
/// </summary>
public sealed class HandoffGate(TranscriptRecorder recorder, ITranscriptStore transcripts, IHandoffNotifier notifier, BotText text) : IHandoffGate
{
    public async Task<bool> TryPassToHumanAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var activity = context.Activity;
        var said = TranscriptText.FromActivity(activity);
        if (said is null)
        {
            return state.HandoffOwner is not null;
        }

        var privacy = TranscriptRecorder.PrivacyOf(state);
        if (await TryTakeRatingAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await recorder.RecordTurnAsync(context, privacy, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (state.HandoffOwner is null && state.Escalation is null)
        {
            return false;
        }

        if (activity.Type == ActivityType.Message && text.MatchesAnyLanguage("Handoff.Command.Bot", activity.Text))
        {
            context.SendText(text.Get(state.HandoffOwner is null ? "Handoff.LeftQueue" : "Handoff.BackToBot", context.Locale));
            state.HandoffOwner = null;
            state.Escalation = null;
            state.Values.Remove(HandoffKeys.AwaitingWindow);
            PatronNames.Forget(state);
        }
        else if (state.HandoffOwner is null)
        {
            return false;
        }
        else
        {
            DeliverAwaitingReplies(context);
            PatronNames.Remember(context);
        }

        await recorder.RecordTurnAsync(context, privacy, cancellationToken).ConfigureAwait(false);
        notifier.ConversationChangedAfterTurn(activity.DedupeKey, activity.Conversation.Key);
        return true;
    }

    /// <summary>The patron wrote, so the channel's window is open again: send the staff replies that waited for it.</summary>
    private static void DeliverAwaitingReplies(TurnContext context)
    {
        if (!context.State.Values.Remove(HandoffKeys.AwaitingWindow, out var json))
        {
            return;
        }

        foreach (var reply in JsonSerializer.Deserialize<List<string>>(json) ?? [])
        {
            context.Send(new TextMessage(reply));
        }
    }

    private async Task<bool> TryTakeRatingAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (!context.State.Values.Remove(HandoffKeys.SurveyPending, out var staff))
        {
            return false;
        }

        var answer = context.Activity.Type == ActivityType.ChoiceReply ? context.Activity.ChoiceId : context.Activity.Text;
        var rating = SatisfactionSurvey.Parse(answer);
        if (rating is null)
        {
            return false;
        }

        await transcripts.AddRatingAsync(context.Activity.Conversation.Key, staff, rating.Value.Score, rating.Value.Comment, context.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        context.SendText(text.Get("Handoff.SurveyThanks", context.Locale));
        return true;
    }
}
