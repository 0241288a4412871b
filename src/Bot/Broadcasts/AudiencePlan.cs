namespace LibraryBot.Bot.Broadcasts;

/// <summary>A broadcast's audience as planned: every chat of the segment, with the excluded ones and why.</summary>
public sealed record AudiencePlan(IReadOnlyList<BroadcastRecipient> Recipients)
{
    /// <summary>Chats that will get the broadcast.</summary>
    public int Count => Recipients.Count(r => r.Status != RecipientStatus.Excluded);

    public IReadOnlyDictionary<string, int> Excluded =>
        Recipients.Where(r => r.Status == RecipientStatus.Excluded).GroupBy(r => r.Reason ?? ExclusionReasons.NoConsent)
            .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
