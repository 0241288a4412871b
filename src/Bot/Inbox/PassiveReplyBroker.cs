using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// Waits, up to a budget, for the turn of an inbound activity and claims its first reply for the webhook's response.
/// Works for repeated deliveries too: whichever request is waiting when the turn commits gets the reply, once.
/// </summary>
public sealed class PassiveReplyBroker(IInboxStore inbox, IOutboxStore outbox, InboxSignal signal, TimeProvider clock) : IPassiveReplyBroker
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<OutboundMessage?> TryClaimFirstReplyAsync(string dedupeKey, TimeSpan budget, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + budget;
        var completed = signal.TurnCompleted(dedupeKey);
        try
        {
            while (true)
            {
                if (await inbox.IsCompletedAsync(dedupeKey, cancellationToken).ConfigureAwait(false) == true)
                {
                    return await outbox.TryClaimPassiveReplyAsync(dedupeKey, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                // Signalled at once by a turn in this process; polled for turns run by another process.
                await Task.WhenAny(completed, Task.Delay(left < PollInterval ? left : PollInterval, clock, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            signal.ForgetWaiter(dedupeKey);
        }
    }
}
