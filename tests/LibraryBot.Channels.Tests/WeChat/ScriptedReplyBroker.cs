using System.Collections.Concurrent;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>A broker whose turn behaviour the test scripts; records every claim it was asked for.</summary>
internal sealed class ScriptedReplyBroker : IPassiveReplyBroker
{
    public Func<string, TimeSpan, CancellationToken, Task<OutboundMessage?>> Turn { get; set; } =
        (_, _, _) => Task.FromResult<OutboundMessage?>(null);

    public ConcurrentQueue<(string DedupeKey, TimeSpan Budget)> Claims { get; } = new();

    public Task<OutboundMessage?> TryClaimFirstReplyAsync(string dedupeKey, TimeSpan budget, CancellationToken cancellationToken)
    {
        Claims.Enqueue((dedupeKey, budget));
        return Turn(dedupeKey, budget, cancellationToken);
    }
}
