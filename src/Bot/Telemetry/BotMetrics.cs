using System.Diagnostics.Metrics;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Telemetry;
using LibraryBot.Shared;

namespace LibraryBot.Bot.Telemetry;

/// <summary>
/// The Bot's instruments (meter <c>LibraryBot</c>): inbox depth and lag, turn duration and failures, outbox pending,
/// sends, retries and failures by the channel's error code; notices by kind and step. Recorded by <see cref="Inbox.TurnRunner"/>,
/// <see cref="Outbox.OutboxDispatcher"/>, <see cref="Outbox.DeliveryStatusHandler"/> and <see cref="BacklogSampler"/>.
/// Tags hold channel names, activity types, outcomes and numeric error codes only.
/// </summary>
public sealed class BotMetrics
{
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    };

    private readonly Histogram<double> _inboxLag;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turnFailures;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _sendFailures;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _notices;
    // -1 until the first sample: the gauges report nothing rather than a made-up zero.
    private long _inboxDepth = -1;
    private long _outboxPending = -1;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(LibraryBotTelemetry.Name);
        meter.CreateObservableGauge("librarybot.inbox.depth", () => Observe(Interlocked.Read(ref _inboxDepth)), "{activity}",
            "Inbox entries not yet processed (counted every Telemetry:BacklogSampleSeconds).");
        _inboxLag = meter.CreateHistogram("librarybot.inbox.lag", "s",
            "Time from storing an activity (before the webhook's 200) to the start of its turn, by channel.", advice: Seconds);
        _turnDuration = meter.CreateHistogram("librarybot.turn.duration", "s",
            "Duration of turns, by channel, activity type and outcome (completed, failed, duplicate, aborted).", advice: Seconds);
        _turnFailures = meter.CreateCounter<long>("librarybot.turn.failures", "{turn}",
            "Turns that failed, by channel, stage (pipeline: the patron got an apology; commit: retried later) and error type.");
        meter.CreateObservableGauge("librarybot.outbox.pending", () => Observe(Interlocked.Read(ref _outboxPending)), "{message}",
            "Replies waiting to be sent, including those waiting for a retry (counted every Telemetry:BacklogSampleSeconds).");
        _sent = meter.CreateCounter<long>("librarybot.outbox.sent", "{message}", "Replies the channel accepted, by channel.");
        _retries = meter.CreateCounter<long>("librarybot.outbox.retries", "{message}",
            "Sends that failed transiently and were scheduled again, by channel and the channel's error code.");
        _sendFailures = meter.CreateCounter<long>("librarybot.outbox.failures", "{message}",
            "Replies stopped for good, by channel, status (failed, held for staff) and the channel's error code.");
        _sendDuration = meter.CreateHistogram("librarybot.outbox.send.duration", "s",
            "Duration of send attempts, by channel and outcome (sent, retry, failed, held).", advice: Seconds);
        _deliveryFailures = meter.CreateCounter<long>("librarybot.outbox.delivery_failures", "{message}",
            "Replies sent but reported undelivered later by the channel's receipts, by channel and error code.");
        _notices = meter.CreateCounter<long>("librarybot.notices", "{notice}",
            "Notices by kind and step: planned by a run, queued for sending or skipped when checked again before sending, handed to SMS; what becomes of the message is in the outbox's instruments.");

        // Broadcasts (issue 15: "by status") have no code path yet; their instrument belongs here, next to the notices'.
    }

    /// <summary>Notices of one kind that reached a step: <c>planned</c>, <c>queued</c>, <c>skipped</c> or <c>sms_fallback</c>.</summary>
    public void Notices(string kind, string step, int count = 1)
    {
        if (count > 0)
        {
            _notices.Add(count, new("kind", kind), new("step", step));
        }
    }

    public void InboxSampled(long inboxDepth, long outboxPending)
    {
        Interlocked.Exchange(ref _inboxDepth, inboxDepth);
        Interlocked.Exchange(ref _outboxPending, outboxPending);
    }

    public void TurnStarted(ChannelId channel, TimeSpan lag) =>
        _inboxLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("channel", ChannelTags.Of(channel)));

    public void TurnEnded(ChannelId channel, ActivityType type, TurnOutcome outcome, TimeSpan duration) =>
        _turnDuration.Record(duration.TotalSeconds, new("channel", ChannelTags.Of(channel)), new("activity_type", type.ToString()), new("outcome", OutcomeTag(outcome)));

    public void TurnFailed(ChannelId channel, string stage, Exception exception) =>
        _turnFailures.Add(1, new("channel", ChannelTags.Of(channel)), new("stage", stage), new("error_type", exception.GetType().Name));

    /// <summary>One send attempt and what became of the reply.</summary>
    public void SendAttempted(ChannelId channel, SendOutcome outcome, bool gaveUp, TimeSpan duration)
    {
        var tag = ChannelTags.Of(channel);
        var code = ErrorCodeTag(outcome.ErrorCode);
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                _sent.Add(1, new KeyValuePair<string, object?>("channel", tag));
                break;
            case SendOutcomeKind.RetryLater when !gaveUp:
                _retries.Add(1, new("channel", tag), new("error_code", code));
                break;
            default:
                var status = outcome.Kind == SendOutcomeKind.Held ? "held" : "failed";
                _sendFailures.Add(1, new("channel", tag), new("status", status), new("error_code", code));
                break;
        }

        _sendDuration.Record(duration.TotalSeconds, new("channel", tag), new("outcome", SendOutcomeTag(outcome.Kind)));
    }

    public void DeliveryFailed(ChannelId channel, string? errorCode) =>
        _deliveryFailures.Add(1, new("channel", ChannelTags.Of(channel)), new("error_code", ErrorCodeTag(errorCode)));

    /// <summary>
    /// A channel error code as a tag: the code when it is a short number (both channels' codes are), <c>none</c>
    /// when absent, <c>other</c> otherwise — so no free text (or anything personal) can become a tag value.
    /// </summary>
    public static string ErrorCodeTag(string? code) =>
        string.IsNullOrEmpty(code) ? "none"
        : code.Length <= 12 && code.AsSpan().TrimStart('-').Length > 0 && code.AsSpan().TrimStart('-').IndexOfAnyExceptInRange('0', '9') < 0 ? code
        : "other";

    private static string OutcomeTag(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Completed => "completed",
        TurnOutcome.Failed => "failed",
        TurnOutcome.Duplicate => "duplicate",
        _ => "aborted",
    };

    private static string SendOutcomeTag(SendOutcomeKind kind) => kind switch
    {
        SendOutcomeKind.Sent => "sent",
        SendOutcomeKind.RetryLater => "retry",
        SendOutcomeKind.Held => "held",
        _ => "failed",
    };

    private static IEnumerable<Measurement<long>> Observe(long value) =>
        value >= 0 ? [new Measurement<long>(value)] : [];
}
