using LibraryBot.Bot.Broadcasts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>Sends <c>broadcastChanged(id)</c> to connected consoles; the Outreach page then reads that broadcast again.</summary>
public sealed class ConsoleBroadcastNotifier(IHubContext<ConsoleHub> hub, ILogger<ConsoleBroadcastNotifier> logger) : IBroadcastNotifier
{
    public const string ChangedMethod = "broadcastChanged";

    public async Task BroadcastChangedAsync(string broadcastId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.All.SendAsync(ChangedMethod, broadcastId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BroadcastsLog.NotifyFailed(logger, ex, broadcastId);
        }
    }
}
