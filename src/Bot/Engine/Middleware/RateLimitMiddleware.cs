using System.Collections.Concurrent;
using LibraryBot.Bot.Localization;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>
/// Limits how fast one patron can drive the bot (a sliding one-minute window per conversation, in this process).
/// Over the limit the message is still recorded as processed, and the patron is asked once to slow down.
/// </summary>
public sealed class RateLimitMiddleware(IOptions<BotOptions> options) : ITurnMiddleware
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var now = context.Clock.GetUtcNow();
        var window = _windows.GetOrAdd(context.Activity.Conversation.Key, _ => new Window());
        var verdict = window.Hit(now, options.Value.MessagesPerMinutePerPatron);
        if (_windows.Count > 100_000)
        {
            Sweep(now);
        }

        switch (verdict)
        {
            case Verdict.Allowed:
                return next(context, cancellationToken);
            case Verdict.FirstRefusal:
                context.Say("RateLimit.SlowDown");
                break;
        }

        context.Handled = true;
        return Task.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.IdleSince(now) > TimeSpan.FromMinutes(2))
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private enum Verdict
    {
        Allowed,
        FirstRefusal,
        Refused,
    }

    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _hits = new();
        private bool _warned;

        public Verdict Hit(DateTimeOffset now, int limit)
        {
            lock (_hits)
            {
                while (_hits.Count > 0 && now - _hits.Peek() >= TimeSpan.FromMinutes(1))
                {
                    _hits.Dequeue();
                }

                if (_hits.Count < limit)
                {
                    _hits.Enqueue(now);
                    _warned = false;
                    return Verdict.Allowed;
                }

                if (_warned)
                {
                    return Verdict.Refused;
                }

                _warned = true;
                return Verdict.FirstRefusal;
            }
        }

        public TimeSpan IdleSince(DateTimeOffset now)
        {
            lock (_hits)
            {
                return _hits.Count == 0 ? TimeSpan.MaxValue : now - _hits.Last();
            }
        }
    }
}
