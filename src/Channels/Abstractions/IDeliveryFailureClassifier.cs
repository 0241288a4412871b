using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// Turns a channel's asynchronous delivery failure (a failed status with an error code) into the same outcome a
/// synchronous send error with that code gets, so both paths share one mapping.
/// </summary>
public interface IDeliveryFailureClassifier
{
    ChannelId Channel { get; }

    SendOutcome Classify(DeliveryStatus status);
}
