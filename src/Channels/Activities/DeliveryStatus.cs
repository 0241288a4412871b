namespace LibraryBot.Channels.Activities;

public enum DeliveryState
{
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
}

/// <summary>A receipt for a message we sent, keyed by the id the channel gave it.</summary>
public sealed record DeliveryStatus(string ChannelMessageId, DeliveryState State, string? ErrorCode = null, string? ErrorMessage = null);
