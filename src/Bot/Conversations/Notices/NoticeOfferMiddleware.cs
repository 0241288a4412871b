using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Notices;

/// <summary>
/// After a card is linked the bot asks once whether the patron wants notices on this channel — not in the middle of
/// what they asked for, but at the end of the first turn that leaves no question open, and only if they have never
/// answered on this channel before. Never while the patron waits for or talks with a librarian: the offer waits until
/// the chat is back with the bot.
/// </summary>
public sealed class NoticeOfferMiddleware(NoticeConsent consent, DialogSet dialogs) : ITurnMiddleware
{
    private const string PendingKey = "notices.offer";

    public static void OfferAfterThisTask(ConversationState state) => state.Values[PendingKey] = "1";

    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        await next(context, cancellationToken).ConfigureAwait(false);
        if (!context.State.Values.ContainsKey(PendingKey) || context.State.DialogStack.Count > 0 || context.Erase != ConversationErasure.None
            || context.State.Escalation is not null || context.State.HandoffOwner is not null)
        {
            return;
        }

        context.State.Values.Remove(PendingKey);
        if (await consent.AnsweredAsync(context, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var dc = new DialogContext(dialogs, context);
        await dc.BeginDialogAsync(NoticesDialog.Id, new NoticesRequest(NoticesChange.Ask), cancellationToken).ConfigureAwait(false);
    }
}
