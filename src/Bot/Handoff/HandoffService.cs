using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Staff actions on a conversation: claim, reply, transfer, hand back, close. Each is a conditional update of the
/// conversation's state (its version must not have moved since it was read), committed with the messages it sends,
/// so two librarians claiming at once cannot both win, and a reply reaches the patron only through the outbox.
/// </summary>
public sealed class HandoffService(
    IConversationStore conversations,
    ITranscriptStore transcripts,
    ConversationEraser eraser,
    IStaffStore staff,
    IHandoffNotifier notifier,
    OutboxSignal outboxSignal,
    BotText text,
    TimeProvider clock)
{
    private const int MaxAttempts = 8;

    public Task<HandoffOutcome> ClaimAsync(string conversationKey, StaffAccount who, CancellationToken cancellationToken) =>
        ChangeAsync(conversationKey, who.Username, edit =>
        {
            var state = edit.State;
            if (state.HandoffOwner == who.Username)
            {
                return new HandoffOutcome(HandoffResult.Done, who.Username);
            }

            if (state.HandoffOwner is not null)
            {
                return new HandoffOutcome(HandoffResult.OwnedByOther, state.HandoffOwner);
            }

            if (state.Escalation is null)
            {
                return new HandoffOutcome(HandoffResult.NotWaiting);
            }

            state.HandoffOwner = who.Username;
            state.DialogStack.Clear();
            edit.Send(new TextMessage(text.Get("Handoff.Joined", Locale(state), who.DisplayName)), TranscriptAuthor.Bot);
            edit.Notes.Add($"{who.DisplayName} claimed the conversation");
            return new HandoffOutcome(HandoffResult.Done, who.Username);
        }, cancellationToken);

    /// <summary>
    /// Sends a staff reply through the patron's channel. Inside the channel's window it is free-form text; outside, the
    /// HandoffReply template goes now and the text is kept for the patron's next message (which reopens the window).
    /// </summary>
    public Task<HandoffOutcome> ReplyAsync(string conversationKey, StaffAccount who, string reply, CancellationToken cancellationToken) =>
        ChangeAsync(conversationKey, who.Username, edit =>
        {
            var state = edit.State;
            if (state.HandoffOwner != who.Username)
            {
                return new HandoffOutcome(state.HandoffOwner is null ? HandoffResult.NotWaiting : HandoffResult.OwnedByOther, state.HandoffOwner);
            }

            ConversationIds.TryParseRef(conversationKey, out var to);
            var window = ServiceWindow.For(to.Channel, state.LastInboundAt, edit.Now);
            if (window.IsOpen)
            {
                edit.Send(new TextMessage(reply), TranscriptAuthor.Staff);
                return new HandoffOutcome(HandoffResult.Done, who.Username, window);
            }

            var awaiting = state.Values.TryGetValue(HandoffKeys.AwaitingWindow, out var json) ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
            awaiting.Add(reply);
            state.Values[HandoffKeys.AwaitingWindow] = JsonSerializer.Serialize(awaiting);
            var parameters = new Dictionary<string, string> { ["name"] = who.DisplayName };
            edit.Send(new TemplateNotification(NotificationKind.HandoffReply, parameters, reply), TranscriptAuthor.Staff);
            edit.Notes.Add("Window closed: sent the HandoffReply template; the text follows when the patron writes back");
            return new HandoffOutcome(HandoffResult.Done, who.Username, window, SentAsTemplate: true);
        }, cancellationToken);

    public async Task<HandoffOutcome> TransferAsync(string conversationKey, StaffAccount who, string colleague, CancellationToken cancellationToken)
    {
        var target = await staff.FindAsync(colleague, cancellationToken).ConfigureAwait(false);
        if (target is null || !target.AnswersPatrons || target.Disabled)
        {
            return new HandoffOutcome(HandoffResult.UnknownColleague);
        }

        return await ChangeAsync(conversationKey, who.Username, edit =>
        {
            if (!MayAct(edit.State, who))
            {
                return new HandoffOutcome(HandoffResult.OwnedByOther, edit.State.HandoffOwner);
            }

            edit.State.HandoffOwner = target.Username;
            edit.Notes.Add($"{who.DisplayName} transferred the conversation to {target.DisplayName}");
            return new HandoffOutcome(HandoffResult.Done, target.Username);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands the chat back to the bot; the patron is told.</summary>
    public Task<HandoffOutcome> ReleaseAsync(string conversationKey, StaffAccount who, CancellationToken cancellationToken) =>
        EndAsync(conversationKey, who, "Handoff.BackToBot", survey: false, cancellationToken);

    /// <summary>Closes the chat: the patron is thanked and asked to rate it (1–5).</summary>
    public Task<HandoffOutcome> CloseAsync(string conversationKey, StaffAccount who, CancellationToken cancellationToken) =>
        EndAsync(conversationKey, who, "Handoff.Closed", survey: true, cancellationToken);

    /// <summary>A patron's "delete my data": their transcript, ratings and conversation state.</summary>
    public async Task ForgetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await eraser.EraseAsync(conversationKey, stopPending: false, cancellationToken).ConfigureAwait(false);
        await notifier.ConversationChangedAsync(conversationKey, cancellationToken).ConfigureAwait(false);
    }

    private Task<HandoffOutcome> EndAsync(string conversationKey, StaffAccount who, string messageKey, bool survey, CancellationToken cancellationToken) =>
        ChangeAsync(conversationKey, who.Username, edit =>
        {
            var state = edit.State;
            if (state.HandoffOwner is null && state.Escalation is null)
            {
                return new HandoffOutcome(HandoffResult.NotWaiting);
            }

            if (state.HandoffOwner is not null && !MayAct(state, who))
            {
                return new HandoffOutcome(HandoffResult.OwnedByOther, state.HandoffOwner);
            }

            state.HandoffOwner = null;
            state.Escalation = null;
            state.Values.Remove(HandoffKeys.AwaitingWindow);
            PatronNames.Forget(state);
            edit.Send(new TextMessage(text.Get(messageKey, Locale(state))), TranscriptAuthor.Bot);
            if (survey)
            {
                state.Values[HandoffKeys.SurveyPending] = who.Username;
                edit.Send(SatisfactionSurvey.Question(text, Locale(state)), TranscriptAuthor.Bot);
            }

            edit.Notes.Add(survey ? $"{who.DisplayName} closed the conversation" : $"{who.DisplayName} handed the conversation back to the bot");
            return new HandoffOutcome(HandoffResult.Done);
        }, cancellationToken);

    private static bool MayAct(ConversationState state, StaffAccount who) =>
        state.HandoffOwner == who.Username || who.Role == StaffRole.Admin;

    private static string Locale(ConversationState state) => state.Locale ?? BotLocales.Default;

    /// <summary>
    /// A staff change to a conversation's state: <paramref name="change"/> runs on the freshly loaded state (again after a
    /// conflicting turn), and what it did is committed with its messages and transcript notes only if it says Done and
    /// left a message or a note.
    /// </summary>
    public async Task<HandoffOutcome> ChangeAsync(string conversationKey, string username, Func<HandoffEdit, HandoffOutcome> change, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParseRef(conversationKey, out var to))
        {
            return new HandoffOutcome(HandoffResult.NotFound);
        }

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await conversations.LoadAsync(conversationKey, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return new HandoffOutcome(HandoffResult.NotFound);
            }

            var edit = new HandoffEdit(snapshot.State, clock.GetUtcNow());
            var outcome = change(edit);
            if (outcome.Result != HandoffResult.Done || (edit.Messages.Count == 0 && edit.Notes.Count == 0))
            {
                return outcome;
            }

            var locale = Locale(edit.State);
            var records = edit.Messages.Select(m => new OutboundRecord(to, m.Message, locale, null, edit.Now)).ToList();
            try
            {
                await conversations.CommitTurnAsync(new TurnCommit(conversationKey, snapshot.ETag, edit.State, records, null), cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (records.Count > 0)
            {
                outboxSignal.Notify();
            }

            var entries = edit.Messages
                .Select(m => TranscriptRecorder.Reply(conversationKey, "staff:" + Guid.NewGuid().ToString("N"), edit.Now, m.Author, username, m.Message))
                .Concat(edit.Notes.Select(n => TranscriptRecorder.Event(conversationKey, edit.Now, username, n)))
                .ToList();
            await transcripts.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
            await notifier.ConversationChangedAsync(conversationKey, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
    }
}
