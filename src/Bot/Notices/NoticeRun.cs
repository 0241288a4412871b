using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// One notice run: under a lease (two instances never run at once), for every chat whose patron granted notices on its
/// channel, reads each linked card's account, plans what is due and not planned before, and hands each chat's new
/// notices to its own turn as one digest. The ledger is written before the inbox, and digests whose turn never ran are
/// handed over again, so a crash at any point loses nothing and sends nothing twice. Quiet hours delay; a daily cap per chat.
/// </summary>
public sealed class NoticeRun(
    INoticeStore store,
    IConsentLedger consent,
    IConversationStore conversations,
    ICatalogue catalogue,
    NoticeHandOver handOver,
    TimeProvider clock,
    IOptions<NoticeOptions> options,
    ILogger<NoticeRun> logger)
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public Task<NoticeRunReport> RunAsync(string trigger, CancellationToken cancellationToken) => RunAsync(trigger, QuietHoursRule.Keep, cancellationToken);

    /// <summary>
    /// One run. <paramref name="quietHours"/> is <see cref="QuietHoursRule.Ignore"/> only for the sandbox's "run notices
    /// now", so a newcomer trying the demo at night still sees the digest arrive.
    /// </summary>
    public async Task<NoticeRunReport> RunAsync(string trigger, QuietHoursRule quietHours, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..12];
        var started = clock.GetUtcNow();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!await store.TryLeaseAsync(_owner, started, started + LeaseTime, cancellationToken).ConfigureAwait(false)
            && !await TakeOverFromDeadProcessAsync(started, cancellationToken).ConfigureAwait(false))
        {
            return new NoticeRunReport(runId, trigger, started, clock.GetUtcNow(), NoticeRunReport.Busy, 0, 0, 0, 0, skipped);
        }

        try
        {
            var branches = await catalogue.GetBranchesAsync(cancellationToken).ConfigureAwait(false);
            var local = branches.Count > 0 ? LibraryClock.Now(clock, branches[0].TimeZone) : started;
            if (quietHours == QuietHoursRule.Keep && QuietUntil(local) is { } quietUntil)
            {
                NoticesLog.RunQuiet(logger, runId);
                return new NoticeRunReport(runId, trigger, started, clock.GetUtcNow(), NoticeRunReport.Quiet, 0, 0, 0, 0, skipped, quietUntil);
            }

            // Digests planned before whose delivery turn never ran (the process stopped in between): handed over again.
            var resumed = await handOver.HandOverAsync(await store.UndeliveredAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

            var today = DateOnly.FromDateTime(local.DateTime);
            var dayStart = new DateTimeOffset(local.Date, local.Offset);
            var granted = await consent.GrantedAsync(ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false);
            var subscribers = await store.SubscribersAsync(cancellationToken).ConfigureAwait(false);
            var planned = new List<NoticeDigest>();
            foreach (var key in subscribers)
            {
                var (digest, reason) = await PlanChatAsync(key, runId, today, dayStart, granted, cancellationToken).ConfigureAwait(false);
                if (digest is not null)
                {
                    planned.Add(digest);
                }
                else if (reason is not null)
                {
                    skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                }
            }

            await handOver.HandOverAsync(planned, cancellationToken).ConfigureAwait(false);
            var report = new NoticeRunReport(runId, trigger, started, clock.GetUtcNow(), NoticeRunReport.Done,
                subscribers.Count, planned.Sum(d => d.Notices.Count), planned.Count, resumed, skipped);
            NoticesLog.RunFinished(logger, runId, trigger, report.Chats, report.Notices, report.Digests, resumed);
            return report;
        }
        finally
        {
            await store.ReleaseLeaseAsync(_owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<(NoticeDigest? Digest, string? Skipped)> PlanChatAsync(
        string key, string runId, DateOnly today, DateTimeOffset dayStart, IReadOnlySet<string> granted, CancellationToken cancellationToken)
    {
        if (!ConversationIds.TryParseRef(key, out var address) || !granted.Contains(await consent.HashAsync(address, cancellationToken).ConfigureAwait(false)))
        {
            return (null, "no consent on this channel");
        }

        var state = (await conversations.LoadAsync(key, cancellationToken).ConfigureAwait(false))?.State;
        var cards = state is null ? [] : LinkedCards.All(state);
        if (cards.Count == 0)
        {
            return (null, "no card linked");
        }

        var already = await store.PlannedKeysAsync(key, cancellationToken).ConfigureAwait(false);
        var notices = new List<PlannedNotice>();
        foreach (var card in cards)
        {
            try
            {
                var account = await catalogue.GetAccountAsync(card.PatronId, cancellationToken).ConfigureAwait(false);
                notices.AddRange(NoticePlanner.Plan(account, today, options.Value).Where(n => !already.Contains(n.Key)));
            }
            catch (CatalogueException ex)
            {
                NoticesLog.AccountUnavailable(logger, ex.Kind.ToString());
                return (null, "library system unavailable");
            }
        }

        if (notices.Count == 0)
        {
            return (null, null);
        }

        if (await store.DigestsSinceAsync(key, dayStart, cancellationToken).ConfigureAwait(false) >= options.Value.DailyCap)
        {
            return (null, "daily cap reached (sent tomorrow)");
        }

        var digest = new NoticeDigest(Guid.NewGuid().ToString("N"), key, runId, clock.GetUtcNow(), notices);
        return (await store.PlanAsync(digest, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>
    /// A lease held by a process of this machine that no longer runs (killed mid-run, then restarted) is released at
    /// once instead of blocking runs until it lapses; a holder on another machine is waited for.
    /// </summary>
    private async Task<bool> TakeOverFromDeadProcessAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.LeaseHolderAsync(now, cancellationToken).ConfigureAwait(false) is not { } holder
            || holder.Split(':') is not [var machine, var pidText, _]
            || !string.Equals(machine, Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(pidText, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId || IsRunning(pid))
        {
            return false;
        }

        NoticesLog.LeaseTakenOver(logger);
        await store.ReleaseLeaseAsync(holder, cancellationToken).ConfigureAwait(false);
        return await store.TryLeaseAsync(_owner, now, now + LeaseTime, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private DateTimeOffset? QuietUntil(DateTimeOffset local)
    {
        if (options.Value.Quiet() is not var (start, end))
        {
            return null;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        var inQuiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!inQuiet)
        {
            return null;
        }

        var endDate = time >= end ? local.Date.AddDays(1) : local.Date;
        return new DateTimeOffset(endDate.Add(end.ToTimeSpan()), local.Offset);
    }
}
