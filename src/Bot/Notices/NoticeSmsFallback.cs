using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// A notice digest the chat's channel could not deliver because the number cannot receive its messages (WhatsApp
/// 131026, WeChat 43004) is handed to the chat's SMS route — the number registered in the chat, else WhatsApp's own
/// number (seed 000: many patrons have a phone but no internet).
/// </summary>
public sealed class NoticeSmsFallback(IConversationStore conversations, SmsFallbackRoute route, SmsDigestHandOver handOver) : IRecipientEffectHandler
{
    public async Task OnEffectAsync(OutboxItem item, RecipientEffect effect, CancellationToken cancellationToken)
    {
        if (effect != RecipientEffect.Unreachable || !route.Enabled || item.InboundDedupeKey is not { } key
            || !key.StartsWith(NoticeDigest.DedupePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var state = (await conversations.LoadAsync(item.To.Key, cancellationToken).ConfigureAwait(false))?.State;
        if (route.For(item.To, state) is { } text)
        {
            await handOver.HandOverAsync(key[NoticeDigest.DedupePrefix.Length..], item.To, text, "the chat's channel cannot reach the patron", cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
