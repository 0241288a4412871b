using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>
/// Marks the patron's message as read on channels that show it, and — when the turn takes longer than a second
/// (usually waiting on the library system) — shows the typing indicator. Best effort, off the turn's critical path.
/// </summary>
public sealed class ReadReceiptMiddleware(IServiceProvider services, ILogger<ReadReceiptMiddleware> logger) : ITurnMiddleware
{
    public static readonly TimeSpan TypingAfter = TimeSpan.FromSeconds(1);

    // Resolved at the first turn, once the server listens (sandbox senders call the server's own address), as the outbox does.
    private readonly Lazy<Dictionary<ChannelId, IReadReceiptSender>> _senders =
        new(() => services.GetServices<IReadReceiptSender>().ToDictionary(s => s.Channel), LazyThreadSafetyMode.PublicationOnly);

    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.Type is not (ActivityType.Message or ActivityType.ChoiceReply or ActivityType.Location or ActivityType.Media)
            || !_senders.Value.TryGetValue(activity.Channel, out var sender))
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnDone = new CancellationTokenSource();
        var typing = ShowTypingWhenSlowAsync(sender, activity, context.Clock, turnDone.Token);
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await turnDone.CancelAsync().ConfigureAwait(false);
            if (!await typing.ConfigureAwait(false))
            {
                _ = MarkAsync(sender, activity, showTyping: false);
            }
        }
    }

    /// <summary>True when the typing indicator (which also marks the message read) was sent.</summary>
    private async Task<bool> ShowTypingWhenSlowAsync(IReadReceiptSender sender, Activity activity, TimeProvider clock, CancellationToken turnDone)
    {
        try
        {
            await Task.Delay(TypingAfter, clock, turnDone).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        _ = MarkAsync(sender, activity, showTyping: true);
        return true;
    }

    private async Task MarkAsync(IReadReceiptSender sender, Activity activity, bool showTyping)
    {
        try
        {
            await sender.MarkReadAsync(activity.Conversation, activity.DedupeKey, showTyping, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            BotLog.ReadReceiptFailed(logger, ex, LogIds.Hash(activity.Conversation.Key));
        }
    }
}
