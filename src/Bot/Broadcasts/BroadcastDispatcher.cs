using LibraryBot.Bot.Conversations.Common;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Sends broadcasts under a short lease (one instance at a time; a dead holder's lease lapses within seconds): a
/// scheduled broadcast whose time has come gets its audience planned and stored, then its recipients are handed to
/// their chats at the broadcast's rate (a token bucket checked every <see cref="Tick"/>), never in quiet hours, and
/// paused, resumed or cancelled broadcasts are honoured at the next tick. Each lease taken hands over again what the
/// last holder may have marked but not written to the inbox (the inbox keeps each recipient once).
/// </summary>
public sealed class BroadcastDispatcher(
    IBroadcastStore store,
    AudiencePlanner planner,
    BroadcastHandOver handOver,
    WeChatMassDelivery weChat,
    ICatalogue catalogue,
    BroadcastChanges changes,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    IOptions<SandboxOptions> sandbox,
    ILogger<BroadcastDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan NotifyEvery = TimeSpan.FromSeconds(1);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _notified = new(StringComparer.Ordinal);
    private bool _holding;
    private string? _zone;
    private bool _zoneKnown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                BroadcastsLog.DispatchFailed(logger, ex);
            }

            try
            {
                await Task.Delay(busy ? Tick : TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (_holding)
        {
            await store.ReleaseLeaseAsync(_owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>One look at the due broadcasts; true while one is sending (the next look comes a tick later).</summary>
    public async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await store.TryLeaseAsync(_owner, now, now + LeaseTime, cancellationToken).ConfigureAwait(false))
        {
            _holding = false;
            return false;
        }

        var resumed = !_holding;
        _holding = true;
        var due = await store.DueAsync(now, cancellationToken).ConfigureAwait(false);
        var sending = false;
        foreach (var broadcast in due)
        {
            if (resumed)
            {
                await HandOverAgainAsync(broadcast.Id, cancellationToken).ConfigureAwait(false);
                await weChat.RetryUnansweredAsync(broadcast, cancellationToken).ConfigureAwait(false);
            }

            var current = broadcast.Status == BroadcastStatus.Scheduled ? await StartAsync(broadcast, cancellationToken).ConfigureAwait(false) : broadcast;
            if (current?.Status == BroadcastStatus.Sending)
            {
                sending |= await SendSomeAsync(current, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var gone in _buckets.Keys.Except(due.Select(b => b.Id)).ToList())
        {
            _buckets.Remove(gone);
        }

        return sending;
    }

    /// <summary>Plans the audience (again, after a crash: chats already stored keep their row) and starts sending.</summary>
    private async Task<Broadcast?> StartAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(broadcast.Id, broadcast.Audience, broadcast.WhatsAppTemplate is not null, cancellationToken).ConfigureAwait(false);
        await store.AddRecipientsAsync(plan.Recipients, cancellationToken).ConfigureAwait(false);
        BroadcastsLog.Planned(logger, broadcast.Id, plan.Count, plan.Recipients.Count - plan.Count);
        var started = await store.TransitionAsync(broadcast.Id, [BroadcastStatus.Scheduled], BroadcastStatus.Sending, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (started is null && (await store.GetAsync(broadcast.Id, cancellationToken).ConfigureAwait(false))?.Status == BroadcastStatus.Cancelled)
        {
            // Cancelled while its audience was planned: the recipients just added go nowhere.
            await BroadcastCommands.SkipPendingAsync(store, broadcast.Id, clock, cancellationToken).ConfigureAwait(false);
        }

        await ChangedAsync(broadcast.Id, force: true, cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>Hands over as many recipients as the rate allows now; finishes the broadcast when none is left.</summary>
    private async Task<bool> SendSomeAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await QuietUntilAsync(now, cancellationToken).ConfigureAwait(false) is not null)
        {
            _buckets.Remove(broadcast.Id);
            return false;
        }

        if (!_buckets.TryGetValue(broadcast.Id, out var bucket))
        {
            _buckets[broadcast.Id] = bucket = new Bucket(now, broadcast.RatePerSecond);
        }

        var allowed = bucket.Allowed(now);
        if (allowed > 0)
        {
            var pending = await store.PendingAsync(broadcast.Id, allowed, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                await weChat.RetryUnansweredAsync(broadcast, cancellationToken).ConfigureAwait(false);
                await store.TransitionAsync(broadcast.Id, [BroadcastStatus.Sending], BroadcastStatus.Finished, now, cancellationToken).ConfigureAwait(false);
                BroadcastsLog.StatusChanged(logger, broadcast.Id, nameof(BroadcastStatus.Finished));
                await ChangedAsync(broadcast.Id, force: true, cancellationToken).ConfigureAwait(false);
                return false;
            }

            var (forTurns, handled) = await weChat.SeparateAsync(broadcast, pending, pending.Count < allowed, cancellationToken).ConfigureAwait(false);
            await handOver.HandOverAsync(broadcast.Id, forTurns, cancellationToken).ConfigureAwait(false);
            bucket.Took(handled);
        }

        await ChangedAsync(broadcast.Id, force: false, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task HandOverAgainAsync(string broadcastId, CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.RecipientsAsync(broadcastId, RecipientStatus.HandedOver, offset, 1000, cancellationToken).ConfigureAwait(false);
            await handOver.AgainAsync(broadcastId, page.Select(p => p.Recipient).ToList(), cancellationToken).ConfigureAwait(false);
            if (page.Count < 1000)
            {
                return;
            }
        }
    }

    /// <summary>
    /// When the library's quiet hours around now end, or null. The sandbox sends at any hour (as its "Run notices now"
    /// does), so a newcomer trying broadcasts in the evening sees them arrive.
    /// </summary>
    private async Task<DateTimeOffset?> QuietUntilAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sandbox.Value.Enabled || options.Value.Quiet() is not { } quiet)
        {
            return null;
        }

        return quiet.Until(await LibraryZoneAsync(cancellationToken).ConfigureAwait(false) is { } zone ? LibraryClock.Now(clock, zone) : now);
    }

    /// <summary>
    /// The library's time zone (its first branch's), asked of the library system once rather than at every tick;
    /// null (UTC) when it has no branches.
    /// </summary>
    private async Task<string?> LibraryZoneAsync(CancellationToken cancellationToken)
    {
        if (!_zoneKnown)
        {
            var branches = await catalogue.GetBranchesAsync(cancellationToken).ConfigureAwait(false);
            (_zone, _zoneKnown) = (branches.Count > 0 ? branches[0].TimeZone : null, true);
        }

        return _zone;
    }

    private async Task ChangedAsync(string broadcastId, bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!force && _notified.TryGetValue(broadcastId, out var last) && now - last < NotifyEvery)
        {
            return;
        }

        _notified[broadcastId] = now;
        await changes.ChangedAsync(broadcastId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rate as a token bucket: <c>rate × seconds since start</c> recipients may have been handed over by now, with at
    /// most one second's worth at once (after a pause or a slow store call it catches up smoothly, not in a burst).
    /// </summary>
    private sealed class Bucket(DateTimeOffset start, int ratePerSecond)
    {
        private double _tokens;
        private DateTimeOffset _last = start;

        public int Allowed(DateTimeOffset now)
        {
            _tokens = Math.Min(ratePerSecond, _tokens + ((now - _last).TotalSeconds * ratePerSecond));
            _last = now;
            return (int)Math.Floor(_tokens);
        }

        public void Took(int count) => _tokens -= count;
    }
}
