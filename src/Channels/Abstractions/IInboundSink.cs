using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// Where webhooks put what they received. <see cref="AcceptAsync"/> returns only once the activities are
/// durably stored (repeated dedupe keys are dropped), so the webhook may then acknowledge the channel.
/// </summary>
public interface IInboundSink
{
    Task<InboundAcceptance> AcceptAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}

/// <summary>How many activities were new and how many were repeats already stored.</summary>
public sealed record InboundAcceptance(int Accepted, int Duplicates);
