namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// The fake Graph API's marketing rules, per number: Meta's per-user marketing limit (here: one marketing template per
/// UTC day, the second fails with 131049) and the patron's "stop offers and announcements" setting (131050).
/// Utility templates are not counted.
/// </summary>
internal sealed class WhatsAppSandboxMarketing(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateOnly> lastDelivered = new(StringComparer.Ordinal);
    private readonly HashSet<string> stopped = new(StringComparer.Ordinal);

    /// <summary>Records the patron's marketing setting (<c>stop</c> when <paramref name="stop"/>, else <c>resume</c>).</summary>
    public void SetPreference(string number, bool stop)
    {
        lock (gate)
        {
            if (stop)
            {
                stopped.Add(number);
            }
            else
            {
                stopped.Remove(number);
            }
        }
    }

    /// <summary>
    /// Whether a marketing template to <paramref name="number"/> is delivered now: null (and counted for today), or the
    /// failure Meta reports: 131050 after a stop, 131049 when one was already delivered this UTC day.
    /// </summary>
    public WhatsAppSandboxFailure? Admit(string number)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        lock (gate)
        {
            if (stopped.Contains(number))
            {
                return WhatsAppSandboxFailure.MarketingStopped;
            }

            if (lastDelivered.TryGetValue(number, out var day) && day == today)
            {
                return WhatsAppSandboxFailure.MarketingLimit;
            }

            lastDelivered[number] = today;
            return null;
        }
    }
}
