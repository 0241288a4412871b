using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// What the channels report on their own: a follow (welcome — sent by <see cref="Common.WelcomeMiddleware"/> — then the
/// language question), a scan of a branch's QR code (that branch is remembered), a follow or scan of a news poster's QR
/// code (<see cref="NewsScene"/>: its branch is remembered and that topic's sign-up asked), the channel's marketing opt-out and
/// opt-in, and an unfollow (nothing more is sent and the conversation is erased). Menu clicks and reactions go on to the engine.
/// </summary>
public sealed class ChannelEventsMiddleware(BranchScene scenes, MarketingConsent consent, DialogSet dialogs) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.Activity is not { Type: ActivityType.Event, Event: { } channelEvent }
            || channelEvent.Kind is ChannelEventKind.MenuClick or ChannelEventKind.Reaction)
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (channelEvent.Kind)
        {
            case ChannelEventKind.Follow or ChannelEventKind.Scan when NewsScene.TryParse(channelEvent.Value, out var poster):
                await scenes.RememberAsync(context.State, poster.BranchId, cancellationToken).ConfigureAwait(false);
                var signup = new DialogContext(dialogs, context);
                signup.CancelAllDialogs();
                await signup.BeginDialogAsync(NewsSignupDialog.Id, new NewsSignupRequest(poster.TopicId), cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Follow:
                await scenes.RememberAsync(context.State, channelEvent.Value, cancellationToken).ConfigureAwait(false);
                var dc = new DialogContext(dialogs, context);
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(LanguageDialog.Id, null, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Scan:
                await scenes.RememberAsync(context.State, channelEvent.Value, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.MarketingOptOut:
                await consent.RecordChannelPreferenceAsync(context, ConsentAction.Withdraw, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.MarketingOptIn:
                await consent.RecordChannelPreferenceAsync(context, ConsentAction.Grant, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Unfollow:
                // The patron left: nothing more may be sent, and what we keep about them goes (data-removal policy).
                context.State.DialogStack.Clear();
                context.Erase = ConversationErasure.StopEverything;
                break;
        }

        context.Handled = true;
    }
}
