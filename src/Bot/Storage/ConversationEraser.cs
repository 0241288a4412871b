using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// Erases what the bot keeps about one conversation — its state, its transcript, the replies already sent and the
/// consumed inbox entries — for a patron's "delete my data", a staff member's, or an unfollow. What remains is the
/// minimum that honours the patron: the suppression records features registered (<see cref="KeptAfterErasure"/>) and
/// when the patron last wrote (so the confirmation can still reach them within the channel's window). An unfollow
/// also stops the replies still pending.
/// </summary>
public sealed class ConversationEraser(
    IConversationStore conversations, IOutboxStore outbox, IEnumerable<KeptAfterErasure> kept, IServiceProvider services, TimeProvider clock)
{
    private readonly string[] _keptKeys = kept.SelectMany(k => k.ValueKeys).Distinct(StringComparer.Ordinal).ToArray();

    public async Task EraseAsync(string conversationKey, bool stopPending, CancellationToken cancellationToken)
    {
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

        if (services.GetService<ITranscriptStore>() is { } transcripts)
        {
            await transcripts.DeleteConversationAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        }

        var current = (await conversations.LoadAsync(conversationKey, cancellationToken).ConfigureAwait(false))?.State;
        await conversations.EraseAsync(conversationKey, Residue(current), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is left of a conversation after erasure.</summary>
    public ConversationState Residue(ConversationState? state)
    {
        var residue = new ConversationState { LastInboundAt = state?.LastInboundAt, Greeted = false };
        foreach (var key in _keptKeys)
        {
            if (state?.Values.TryGetValue(key, out var value) == true)
            {
                residue.Values[key] = value;
            }
        }

        return residue;
    }
}
