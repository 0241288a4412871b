namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// A token bucket shared by every WhatsApp request: <c>messagesPerSecond</c> tokens a second, holding at most a tenth
/// of a second's worth for bursts. Callers reserve a slot on a fixed timeline (generic cell rate), so late timer
/// wake-ups never lower the long-run rate and waiting callers are served in order.
/// </summary>
public sealed class WhatsAppRateLimiter
{
    private readonly TimeProvider time;
    private readonly long interval;
    private readonly long burstTolerance;
    private readonly Lock gate = new();
    private long theoreticalArrival;

    public WhatsAppRateLimiter(int messagesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1);
        this.time = time;
        interval = time.TimestampFrequency / messagesPerSecond;
        burstTolerance = interval * (Math.Max(1, messagesPerSecond / 10) - 1);
        theoreticalArrival = time.GetTimestamp();
    }

    /// <summary>Waits until one more request may go out.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        long wait;
        lock (gate)
        {
            var now = time.GetTimestamp();
            var arrival = Math.Max(theoreticalArrival, now);
            theoreticalArrival = arrival + interval;
            wait = arrival - burstTolerance - now;
        }

        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)time.TimestampFrequency), time, cancellationToken);
        }
    }
}
