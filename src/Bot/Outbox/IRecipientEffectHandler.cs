using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Bot.Outbox;

/// <summary>
/// Told when a channel says something about a reply's recipient — they cannot receive messages there (WhatsApp 131026,
/// WeChat 43004), they stopped marketing messages (WhatsApp 131050) — whether the send itself was refused or a failed
/// delivery receipt said so later, once the outbox has recorded it. Each handler acts on the effects it cares about.
/// </summary>
public interface IRecipientEffectHandler
{
    Task OnEffectAsync(OutboxItem item, RecipientEffect effect, CancellationToken cancellationToken);
}
