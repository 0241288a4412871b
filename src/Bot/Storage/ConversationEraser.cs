using LibraryBot.Bot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Storage;

/// <summary>
/// Erases what the bot keeps about one conversation: its state, its transcript, the replies already sent and the
/// consumed inbox entries; optionally stops the replies still pending (an unfollowed patron gets nothing more).
/// </summary>
public sealed class ConversationEraser(IConversationStore conversations, IOutboxStore outbox, IServiceProvider services, TimeProvider clock)
{
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

        await conversations.DeleteAsync(conversationKey, cancellationToken).ConfigureAwait(false);
    }
}
