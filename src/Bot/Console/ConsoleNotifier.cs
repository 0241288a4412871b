using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Inbox;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>Pushes changes to every connected console (only signed-in staff can connect; it sends ids, never text).</summary>
public sealed class ConsoleNotifier(IHubContext<ConsoleHub> hub, InboxSignal inboxSignal, ILogger<ConsoleNotifier> logger) : IHandoffNotifier
{
    private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(30);

    public async Task ConversationChangedAsync(string conversationKey, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.All.SendAsync(ConsoleHub.ChangedMethod, ConversationIds.Encode(conversationKey), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HandoffLog.NotifyFailed(logger, ex, LogIds.Hash(conversationKey));
        }
    }

    public void ConversationChangedAfterTurn(string dedupeKey, string conversationKey)
    {
        var committed = inboxSignal.TurnCompleted(dedupeKey);
        _ = NotifyWhenCommittedAsync(committed, conversationKey);
    }

    private async Task NotifyWhenCommittedAsync(Task committed, string conversationKey)
    {
        await Task.WhenAny(committed, Task.Delay(TurnWait)).ConfigureAwait(false);
        await ConversationChangedAsync(conversationKey, CancellationToken.None).ConfigureAwait(false);
    }
}
