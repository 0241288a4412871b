using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>An in-memory <see cref="IInboundSink"/> that records each call and drops repeated dedupe keys.</summary>
internal sealed class RecordingInboundSink : IInboundSink
{
    private readonly Lock gate = new();
    private readonly HashSet<string> keys = [];
    private readonly List<IReadOnlyList<Activity>> calls = [];

    public IReadOnlyList<IReadOnlyList<Activity>> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<Activity> All => [.. Calls.SelectMany(c => c)];

    public Task<InboundAcceptance> AcceptAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add(activities);
            var accepted = activities.Count(a => keys.Add(a.Conversation.Key + "|" + a.DedupeKey));
            return Task.FromResult(new InboundAcceptance(accepted, activities.Count - accepted));
        }
    }

    /// <summary>Waits (up to 10 s) until an activity matching <paramref name="match"/> arrives.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (All.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("The expected activity did not reach the inbound sink within 10 s.");
    }
}
