using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Outbox;

/// <summary>Told of every delivery receipt once the outbox has applied it to the reply it refers to (sent, delivered, read, failed).</summary>
public interface IDeliveryReceiptObserver
{
    Task OnReceiptAsync(OutboxItem item, DeliveryStatus status, CancellationToken cancellationToken);
}
