namespace LibraryBot.Bot.Outbox;

/// <summary>Exponential backoff with ±25 % jitter, capped.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, double initialSeconds, double maxSeconds, Random random)
    {
        var exponential = initialSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, maxSeconds);
        var jitter = 0.75 + (random.NextDouble() * 0.5);
        return TimeSpan.FromSeconds(capped * jitter);
    }
}
