using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The chat's turn for a broadcast: consent is checked again (a STOP or an unsubscribe written since planning wins),
/// the broadcast must not have been cancelled, and a chat a librarian is talking in is left alone; what is left goes
/// through the outbox in the chat's language with how to stop — committed with the turn, so exactly once. Outside
/// WhatsApp's window the broadcast's marketing template carries it.
/// </summary>
public sealed class BroadcastDeliveryMiddleware(
    IBroadcastStore store,
    BroadcastConsent consent,
    BroadcastComposer composer,
    IOptions<BotOptions> bot,
    ILogger<BroadcastDeliveryMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.Activity.Event is not { Kind: ChannelEventKind.Broadcast, Value: { } broadcastId })
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Handled = true;
        var key = context.Activity.Conversation.Key;
        if (await store.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false) is not { } broadcast
            || await store.FindRecipientAsync(broadcastId, key, cancellationToken).ConfigureAwait(false) is not { } recipient)
        {
            return;
        }

        var now = context.Clock.GetUtcNow();
        if (await SkipReasonAsync(context, broadcast, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            await store.MarkAsync(broadcastId, [key], RecipientStatus.Skipped, reason, now, cancellationToken).ConfigureAwait(false);
            BroadcastsLog.RecipientSkipped(logger, broadcastId, reason);
            return;
        }

        var composed = composer.Compose(broadcast, BroadcastLanguages.CodeOf(context.State.Locale ?? BroadcastLanguages.LocaleOf(recipient.Language)), bot.Value.LibraryName);
        context.Send(Message(broadcast, composed, context.Activity.Conversation.Channel));
        await store.MarkAsync(broadcastId, [key], RecipientStatus.Queued, null, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Free text inside the window (on WhatsApp the picture itself with the words as its caption); outside WhatsApp's,
    /// the broadcast's approved marketing template with its parameters.
    /// </summary>
    private static OutboundMessage Message(Broadcast broadcast, ComposedBroadcast composed, ChannelId channel) =>
        broadcast.WhatsAppTemplate is { } template
            ? new TemplateNotification(NotificationKind.Broadcast, new Dictionary<string, string>(), composed.Text,
                Template: new ExplicitTemplate(template.Name, template.Parameters))
            : channel == ChannelId.WhatsApp && composed.ImageUrl is { } image
                ? new TextMessage(composed.Caption, image)
                : new TextMessage(composed.Text);

    private async Task<string?> SkipReasonAsync(TurnContext context, Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (broadcast.Status == BroadcastStatus.Cancelled)
        {
            return ExclusionReasons.Cancelled;
        }

        if (await consent.RefusalAsync(context.Activity.Conversation, broadcast, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        return context.State.HandoffOwner is null ? null : "a librarian was talking with the patron";
    }
}
