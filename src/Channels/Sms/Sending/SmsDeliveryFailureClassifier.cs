using System.Globalization;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>Applies <see cref="SmsErrorMap"/> to undelivered or failed status callbacks (their <c>ErrorCode</c>).</summary>
internal sealed class SmsDeliveryFailureClassifier : IDeliveryFailureClassifier
{
    public ChannelId Channel => ChannelId.Sms;

    public SendOutcome Classify(DeliveryStatus status) =>
        SmsErrorMap.ToOutcome(
            int.TryParse(status.ErrorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null,
            status.ErrorMessage);
}
