using System.Globalization;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>Applies <see cref="WhatsAppErrorMap"/> to failed statuses (<c>statuses[].errors[]</c>).</summary>
internal sealed class WhatsAppDeliveryFailureClassifier : IDeliveryFailureClassifier
{
    public ChannelId Channel => ChannelId.WhatsApp;

    public SendOutcome Classify(DeliveryStatus status) =>
        WhatsAppErrorMap.ToOutcome(
            int.TryParse(status.ErrorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null,
            status.ErrorMessage);
}
