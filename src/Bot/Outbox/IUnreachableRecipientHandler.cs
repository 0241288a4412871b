using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Outbox;

/// <summary>
/// Told when a channel says a reply's recipient cannot receive messages there (WhatsApp 131026, WeChat 43004) — whether
/// the send itself was refused or a failed delivery receipt said so later — once the outbox has recorded it.
/// </summary>
public interface IUnreachableRecipientHandler
{
    Task OnUnreachableAsync(OutboxItem item, CancellationToken cancellationToken);
}
