using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WeChat;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// WeChat's <c>MASSSENDJOBFINISH</c> for one of our mass sends: its counts go to the broadcast's funnel. Nothing is said
/// and no conversation starts (the event comes from WeChat, not from a patron).
/// </summary>
public sealed class MassSendFinishedMiddleware(IBroadcastStore store, BroadcastChanges changes) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.Activity.Event is not { Kind: ChannelEventKind.JobFinished } finished || !WeChatMassSendResult.TryParse(finished.Value, out var result))
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Handled = true;
        var msgId = result.MsgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await store.FinishMassSendAsync(msgId, result.Status, result.SentCount, result.ErrorCount, result.FilteredOut, cancellationToken).ConfigureAwait(false) is { } broadcastId)
        {
            await changes.ChangedAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        }
    }
}
