using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Counts a broadcast's funnel from its recipients (status, reason, opt-out and their reply in the outbox) and its WeChat
/// mass-send jobs, with the same rules on every store: pending = Pending + HandedOver; sent = Queued recipients whose
/// reply was sent (delivered and read included) + MassSend recipients; delivered and read from the receipts (read implies
/// delivered) + each finished job's sent count as delivered; failed from failed replies by the channel's error code
/// (<see cref="UnknownCode"/> when it gave none) + each job's error count under <c>wechat:&lt;status&gt;</c>.
/// </summary>
public sealed class BroadcastFunnelTally
{
    public const string UnknownCode = "unknown";
    public const string MassSendCodePrefix = "wechat:";

    private readonly Dictionary<string, int> _excludedByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failedByCode = new(StringComparer.Ordinal);
    private int _audience;
    private int _pending;
    private int _sent;
    private int _delivered;
    private int _read;
    private int _failed;
    private int _excluded;
    private int _skipped;
    private int _optedOut;

    /// <summary>Whether a reply failed: stopped (failed or held) by the outbox, or a failed receipt.</summary>
    public static bool Failed(OutboxStatus? reply, DeliveryState? receipt) =>
        reply is OutboxStatus.Failed or OutboxStatus.Held || receipt == DeliveryState.Failed;

    /// <summary>One recipient and, for a Queued one, the first reply of its turn (null when there is none yet).</summary>
    public void Add(RecipientStatus status, string? reason, bool optedOut, OutboxStatus? reply, DeliveryState? receipt, string? errorCode)
    {
        _audience++;
        _optedOut += optedOut ? 1 : 0;
        switch (status)
        {
            case RecipientStatus.Pending or RecipientStatus.HandedOver:
                _pending++;
                break;
            case RecipientStatus.Excluded:
                _excluded++;
                Increment(_excludedByReason, reason ?? UnknownCode, 1);
                break;
            case RecipientStatus.Skipped:
                _skipped++;
                break;
            case RecipientStatus.MassSend:
                _sent++;
                break;
            case RecipientStatus.Queued:
                AddReply(reply, receipt, errorCode);
                break;
        }
    }

    public void Add(MassSendJob job)
    {
        if (job.FinishStatus is null)
        {
            return;
        }

        _delivered += job.SentCount ?? 0;
        if (job.ErrorCount is > 0 and var errors)
        {
            _failed += errors;
            Increment(_failedByCode, MassSendCodePrefix + job.FinishStatus, errors);
        }
    }

    public BroadcastFunnel Funnel() =>
        new(_audience, _pending, _sent, _delivered, _read, _failed, _excluded, _skipped,
            new Dictionary<string, int>(_excludedByReason, StringComparer.Ordinal), new Dictionary<string, int>(_failedByCode, StringComparer.Ordinal), _optedOut);

    private void AddReply(OutboxStatus? reply, DeliveryState? receipt, string? errorCode)
    {
        if (reply is null)
        {
            return;
        }

        if (Failed(reply, receipt))
        {
            _failed++;
            Increment(_failedByCode, errorCode ?? UnknownCode, 1);
            return;
        }

        if (receipt is DeliveryState.Read or DeliveryState.Delivered || reply is OutboxStatus.Sent or OutboxStatus.SentPassively)
        {
            _sent++;
            _delivered += receipt is DeliveryState.Read or DeliveryState.Delivered ? 1 : 0;
            _read += receipt == DeliveryState.Read ? 1 : 0;
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key, int by) => counts[key] = counts.GetValueOrDefault(key) + by;
}
