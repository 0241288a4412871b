using System.Collections.Concurrent;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Instance;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// Takes pending inbox entries (whole conversations at a time, under a lease) and runs their turns: one conversation's
/// turns strictly in arrival order, different conversations in parallel. Entries left by a crash are taken again when
/// their lease lapses, or at once when this process has the crashed one's <see cref="InstanceIdentity"/>. At shutdown it stops
/// claiming and lets turns already running finish.
/// </summary>
public sealed class InboxProcessor(
    IInboxStore inbox,
    InstanceIdentity instance,
    TurnRunner runner,
    InboxSignal signal,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    WorkerHealth health,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, InboxEntry> _inFlight = new();
    private readonly ConcurrentDictionary<string, ConversationQueue> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    // Conversations whose turn failed: their entries are taken again only by a claim that looks from the start.
    private readonly ConcurrentDictionary<string, byte> _rewound = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _concurrency = new(options.Value.MaxConcurrentConversations, options.Value.MaxConcurrentConversations);
    private readonly SemaphoreSlim _turnDone = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProcessingEnabled)
        {
            BotLog.InboxProcessingDisabled(logger);
            return;
        }

        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        var poll = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        var claimedThrough = 0L;
        var lastFullLook = long.MinValue;
        var lastRenewal = clock.GetTimestamp();
        health.InboxRunning = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    if (clock.GetElapsedTime(lastRenewal) >= lease / 3)
                    {
                        lastRenewal = clock.GetTimestamp();
                        await inbox.RenewClaimsAsync(instance.Id, _inFlight.Values.ToList(), clock.GetUtcNow() + lease, stoppingToken).ConfigureAwait(false);
                    }

                    // Entries held here (queued or running) are bounded, so a large backlog is claimed as room frees up.
                    var room = settings.ClaimBatchSize - _inFlight.Count;
                    if (room < Math.Max(1, settings.ClaimBatchSize / 4))
                    {
                        await _turnDone.WaitAsync(poll, stoppingToken).ConfigureAwait(false);
                        continue;
                    }

                    // Usually only entries after the last one claimed; from the start at first, after a failed turn, and
                    // now and then for entries skipped while another process held their conversation.
                    var fullLook = lastFullLook == long.MinValue || !_rewound.IsEmpty || clock.GetElapsedTime(lastFullLook) >= lease / 2;
                    if (fullLook)
                    {
                        lastFullLook = clock.GetTimestamp();
                        foreach (var key in _rewound.Keys)
                        {
                            _rewound.TryRemove(key, out _);
                        }
                    }

                    var entries = await inbox.ClaimPendingAsync(instance.Id, fullLook ? 0 : claimedThrough, fullLook ? room + _inFlight.Count : room, lease,
                        clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    foreach (var entry in entries)
                    {
                        claimedThrough = Math.Max(claimedThrough, entry.Sequence);
                        if (!_rewound.ContainsKey(entry.Activity.Conversation.Key) && _inFlight.TryAdd(entry.Sequence, entry))
                        {
                            claimed++;
                            Enqueue(entry);
                        }
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    BotLog.InboxClaimFailed(logger, ex);
                }

                if (claimed == 0)
                {
                    await signal.WaitForStoredAsync(poll, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stop claiming, let running turns finish below.
        }
        finally
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
            health.InboxRunning = false;
        }
    }

    private void Enqueue(InboxEntry entry)
    {
        var queue = _conversations.GetOrAdd(entry.Activity.Conversation.Key, _ => new ConversationQueue());
        lock (queue)
        {
            queue.Items.Enqueue(entry);
            if (queue.Running)
            {
                return;
            }

            queue.Running = true;
        }

        var task = Task.Run(() => DrainAsync(queue));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Runs one conversation's queued turns in order. Turns are not cancelled by shutdown: they finish.</summary>
    private async Task DrainAsync(ConversationQueue queue)
    {
        await _concurrency.WaitAsync().ConfigureAwait(false);
        try
        {
            while (true)
            {
                InboxEntry entry;
                lock (queue)
                {
                    if (queue.Items.Count == 0)
                    {
                        queue.Running = false;
                        return;
                    }

                    entry = queue.Items.Dequeue();
                }

                try
                {
                    await runner.RunAsync(entry, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    BotLog.TurnFailed(logger, ex, LogIds.Hash(entry.Activity.Conversation.Key), ex.GetType().Name);
                    lock (queue)
                    {
                        // Keep order: drop what is queued behind it; all of it is claimed again by a look from the start.
                        _rewound.TryAdd(entry.Activity.Conversation.Key, 0);
                        foreach (var later in queue.Items)
                        {
                            _inFlight.TryRemove(later.Sequence, out _);
                        }

                        queue.Items.Clear();
                    }
                }
                finally
                {
                    _inFlight.TryRemove(entry.Sequence, out _);
                    if (_turnDone.CurrentCount == 0)
                    {
                        try
                        {
                            _turnDone.Release();
                        }
                        catch (SemaphoreFullException)
                        {
                            // Released by another turn meanwhile.
                        }
                    }
                }
            }
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private sealed class ConversationQueue
    {
        public Queue<InboxEntry> Items { get; } = new();

        public bool Running { get; set; }
    }
}
