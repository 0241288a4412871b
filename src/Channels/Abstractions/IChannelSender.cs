using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Abstractions;

/// <summary>Sends one outbound message through a channel's API. Never throws for channel errors: it returns an outcome.</summary>
public interface IChannelSender
{
    ChannelId Channel { get; }

    Task<SendOutcome> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken);
}
