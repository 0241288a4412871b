namespace LibraryBot.Bot.Inbox;

/// <summary>Wakes the inbox processor when this process stored new activities, and tells waiters when a turn finished.</summary>
public sealed class InboxSignal
{
    private readonly SemaphoreSlim _stored = new(0, 1);
    private readonly Dictionary<string, TaskCompletionSource> _turnWaiters = new(StringComparer.Ordinal);

    public void NotifyStored()
    {
        if (_stored.CurrentCount == 0)
        {
            try
            {
                _stored.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: the processor will look once more.
            }
        }
    }

    public Task<bool> WaitForStoredAsync(TimeSpan timeout, CancellationToken cancellationToken) => _stored.WaitAsync(timeout, cancellationToken);

    /// <summary>A task completed when the turn of <paramref name="dedupeKey"/> is committed in this process.</summary>
    public Task TurnCompleted(string dedupeKey)
    {
        lock (_turnWaiters)
        {
            if (!_turnWaiters.TryGetValue(dedupeKey, out var source))
            {
                source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _turnWaiters[dedupeKey] = source;
            }

            return source.Task;
        }
    }

    public void NotifyTurnCompleted(string dedupeKey)
    {
        TaskCompletionSource? source;
        lock (_turnWaiters)
        {
            if (_turnWaiters.Count == 0 || !_turnWaiters.Remove(dedupeKey, out source))
            {
                return;
            }
        }

        source.TrySetResult();
    }

    public void ForgetWaiter(string dedupeKey)
    {
        lock (_turnWaiters)
        {
            _turnWaiters.Remove(dedupeKey);
        }
    }
}
