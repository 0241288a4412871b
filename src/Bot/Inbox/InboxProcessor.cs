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
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentDictionary<string, ConversationQueue> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly SemaphoreSlim _concurrency = new(options.Value.MaxConcurrentConversations, options.Value.MaxConcurrentConversations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProcessingEnabled)
        {
            BotLog.InboxProcessingDisabled(logger);
            return;
        }

        var settings = options.Value;
        health.InboxRunning = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    var entries = await inbox.ClaimPendingAsync(instance.Id, settings.ClaimBatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    foreach (var entry in entries)
                    {
                        if (_inFlight.TryAdd(entry.Sequence, 0))
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
                    await signal.WaitForStoredAsync(TimeSpan.FromMilliseconds(settings.PollMilliseconds), stoppingToken).ConfigureAwait(false);
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
                        // Keep order: drop what is queued behind it; all of it is claimed again on a later poll.
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
