using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// For channels that can answer inside the webhook's HTTP response (WeChat passive replies): waits up to a
/// budget for the turn started by an inbound activity and claims its first reply, so the outbox does not
/// also send it. Returns null when the turn did not finish in time or produced nothing; the outbox then
/// sends every reply through the channel's API.
/// </summary>
public interface IPassiveReplyBroker
{
    Task<OutboundMessage?> TryClaimFirstReplyAsync(string dedupeKey, TimeSpan budget, CancellationToken cancellationToken);
}
