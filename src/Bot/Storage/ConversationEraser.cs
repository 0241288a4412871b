using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// Erases what the bot keeps about one conversation — its state, its transcript, the replies already sent and the
/// consumed inbox entries — for a patron's "delete my data" or an unfollow. Every consent the patron had granted on
/// the address is withdrawn; the consent ledger itself stays (it holds only a keyed hash of the address), so a STOP
/// outlives the erasure as a suppression record. The chat's news sign-up is forgotten; its broadcast recipient rows stay
/// (they hold no message text, and keep the funnel and the frequency cap whole). What remains of the conversation is when the patron last wrote (so the
/// confirmation can still reach them within the channel's window). An unfollow also stops the replies still pending.
/// </summary>
public sealed class ConversationEraser(
    IConversationStore conversations, IOutboxStore outbox, PatronConsent consent, IServiceProvider services, TimeProvider clock)
{
    public async Task EraseAsync(string conversationKey, bool stopPending, CancellationToken cancellationToken)
    {
        if (ConversationIds.TryParseRef(conversationKey, out var address))
        {
            await consent.WithdrawAllAsync(address, new ConsentRecord(string.Empty, ConsentAction.Withdraw, clock.GetUtcNow(), stopPending ? ConsentSource.Unfollow : ConsentSource.Erasure, "patron"),
                _ => true, cancellationToken).ConfigureAwait(false);
        }

        if (stopPending)
        {
            foreach (var item in await outbox.ListAsync(conversationKey, cancellationToken).ConfigureAwait(false))
            {
                if (item.Status == OutboxStatus.Pending)
                {
                    await outbox.MarkStoppedAsync(item.Id, OutboxStatus.Failed, "The patron unfollowed the account; nothing more is sent.", null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (services.GetService<IBroadcastStore>() is { } broadcasts)
        {
            await broadcasts.RemoveSubscriberAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        }

        if (services.GetService<ITranscriptStore>() is { } transcripts)
        {
            await transcripts.DeleteConversationAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        }

        var current = (await conversations.LoadAsync(conversationKey, cancellationToken).ConfigureAwait(false))?.State;
        await conversations.EraseAsync(conversationKey, Residue(current), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is left of a conversation after erasure.</summary>
    public static ConversationState Residue(ConversationState? state) => new() { LastInboundAt = state?.LastInboundAt, Greeted = false };
}
