using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// WhatsApp refused a message because the patron stopped marketing messages from the library (131050, at once or in a
/// later receipt): news is withdrawn in the consent ledger (source: the channel's error), so no broadcast is tried
/// again, and the broadcast that met it counts an opt-out.
/// </summary>
public sealed class ChannelMarketingOptOut(PatronConsent consent, IBroadcastStore store, TimeProvider clock) : IRecipientEffectHandler
{
    public async Task OnEffectAsync(OutboxItem item, RecipientEffect effect, CancellationToken cancellationToken)
    {
        if (effect != RecipientEffect.OptedOutOfMarketing)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (await consent.LatestAsync(item.To, ConsentPurposes.News, cancellationToken).ConfigureAwait(false) is not { Granted: false })
        {
            await consent.RecordAsync(item.To, new ConsentRecord(ConsentPurposes.News, ConsentAction.Withdraw, now, ConsentSource.ChannelError, "whatsapp"), cancellationToken).ConfigureAwait(false);
            await store.MarkOptedOutAsync(item.To.Key, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
