using System.Collections.Concurrent;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>A host-like sink: stores each dedupe key once, acknowledges repeats.</summary>
internal sealed class InMemoryInboundSink : IInboundSink
{
    private readonly ConcurrentDictionary<string, Activity> stored = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Activity> Stored => stored.Values.ToList();

    public int Calls;

    public Task<InboundAcceptance> AcceptAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        var accepted = activities.Count(a => stored.TryAdd(a.DedupeKey, a));
        return Task.FromResult(new InboundAcceptance(accepted, activities.Count - accepted));
    }

    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = stored.Values.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50, cts.Token);
        }
    }
}
