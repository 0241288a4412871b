using System.Diagnostics;
using System.Threading.Channels;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Shared;
using Microsoft.Extensions.Options;
using Activity = LibraryBot.Channels.Activities.Activity;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// The webhooks' way into the durable inbox. Concurrent requests are committed together in one transaction (group
/// commit); each caller returns only after the commit that holds its activities, so the webhook may then answer 200.
/// PINs are taken out of the messages first (<see cref="SecretRedactor"/>). With tracing on, each call is an
/// <c>inbox store</c> span whose context is stored with the activities, so their turns continue the webhook's trace.
/// </summary>
public sealed class InboxWriter : IInboundSink, IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IInboxStore _store;
    private readonly SecretRedactor _redactor;
    private readonly InboxSignal _signal;
    private readonly TimeProvider _clock;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public InboxWriter(IInboxStore store, SecretRedactor redactor, InboxSignal signal, TimeProvider clock, IOptions<InboxOptions> options)
    {
        _store = store;
        _redactor = redactor;
        _signal = signal;
        _clock = clock;
        _maxBatch = options.Value.MaxBatch;
        _loop = Task.Run(WriteLoopAsync);
    }

    public async Task<InboundAcceptance> AcceptAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return new InboundAcceptance(0, 0);
        }

        using var span = LibraryBotTelemetry.Source.StartActivity("inbox store", ActivityKind.Producer);
        span?.SetTag(LibraryBotTelemetry.ChannelAttribute, ChannelTags.Of(activities[0].Channel)).SetTag("librarybot.inbox.activities", activities.Count);

        // PINs never reach the store: they are taken out here, before anything is written.
        var pending = new PendingWrite(activities.Select(a => _redactor.Redact(a) with { TraceParent = span?.Id }).ToList());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down.");
        }

        var acceptance = await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        span?.SetTag("librarybot.inbox.duplicates", acceptance.Duplicates);
        return acceptance;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>();
        var activities = new List<Activity>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            activities.Clear();
            while (activities.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                activities.AddRange(pending.Activities);
            }

            try
            {
                var inserted = await _store.AppendAsync(activities, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                var offset = 0;
                foreach (var pending in batch)
                {
                    var accepted = 0;
                    for (var i = 0; i < pending.Activities.Count; i++)
                    {
                        accepted += inserted[offset + i] ? 1 : 0;
                    }

                    offset += pending.Activities.Count;
                    pending.Completion.TrySetResult(new InboundAcceptance(accepted, pending.Activities.Count - accepted));
                }

                _signal.NotifyStored();
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record PendingWrite(IReadOnlyList<Activity> Activities)
    {
        public TaskCompletionSource<InboundAcceptance> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
