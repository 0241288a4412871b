namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// What outreach staff do with a broadcast: write it (the audience counted live), send it now or at its time, pause,
/// resume, cancel. Each change is a compare-and-set on the stored status, so two clicks or two instances never both win.
/// </summary>
public sealed class BroadcastCommands(IBroadcastStore store, AudiencePlanner planner, BroadcastChanges changes, TimeProvider clock)
{
    /// <summary>The live count of a segment: nothing is stored.</summary>
    public Task<AudiencePlan> CountAsync(BroadcastAudience audience, bool hasWhatsAppTemplate, CancellationToken cancellationToken) =>
        planner.PlanAsync(string.Empty, audience, hasWhatsAppTemplate, cancellationToken);

    public async Task<(Broadcast Broadcast, AudiencePlan Plan)> CreateAsync(
        string name, BroadcastAudience audience, BroadcastContent content, BroadcastTemplate? template, DateTimeOffset? sendAt, int rate,
        string createdBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = now.ToUnixTimeMilliseconds().ToString("x11", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        var broadcast = new Broadcast(id, name, audience, content, template, sendAt, rate, BroadcastStatus.Draft, createdBy, now);
        var plan = await CountAsync(audience, template is not null, cancellationToken).ConfigureAwait(false);
        await store.CreateAsync(broadcast, cancellationToken).ConfigureAwait(false);
        return (broadcast, plan);
    }

    /// <summary>A draft starts at its send time (at once when it has none); the dispatcher plans its audience then.</summary>
    public Task<Broadcast?> SendAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, [BroadcastStatus.Draft], BroadcastStatus.Scheduled, cancellationToken);

    public Task<Broadcast?> PauseAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, [BroadcastStatus.Sending], BroadcastStatus.Paused, cancellationToken);

    public Task<Broadcast?> ResumeAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, [BroadcastStatus.Paused], BroadcastStatus.Sending, cancellationToken);

    /// <summary>Stops a broadcast for good: recipients not handed over yet are skipped ("cancelled"); those handed over are skipped by their turn.</summary>
    public async Task<Broadcast?> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var cancelled = await ChangeAsync(id, [BroadcastStatus.Draft, BroadcastStatus.Scheduled, BroadcastStatus.Sending, BroadcastStatus.Paused], BroadcastStatus.Cancelled, cancellationToken)
            .ConfigureAwait(false);
        if (cancelled is not null)
        {
            await SkipPendingAsync(store, id, clock, cancellationToken).ConfigureAwait(false);
        }

        return cancelled;
    }

    /// <summary>Marks the broadcast's recipients not handed over yet as skipped: it was cancelled.</summary>
    public static async Task SkipPendingAsync(IBroadcastStore store, string id, TimeProvider clock, CancellationToken cancellationToken)
    {
        while (await store.PendingAsync(id, 5000, cancellationToken).ConfigureAwait(false) is { Count: > 0 } pending)
        {
            await store.MarkAsync(id, pending.Select(p => p.ConversationKey).ToList(), RecipientStatus.Skipped, ExclusionReasons.Cancelled, clock.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<Broadcast?> ChangeAsync(string id, BroadcastStatus[] from, BroadcastStatus to, CancellationToken cancellationToken)
    {
        var changed = await store.TransitionAsync(id, from, to, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            await changes.ChangedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
