using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// One notice run: under a lease (two instances never run at once), for every chat whose patron granted notices on its
/// channel, reads each linked card's account, plans what is due and not planned before, and hands each chat's new
/// notices to its own turn as one digest. The ledger is written before the inbox, and digests the inbox never got are
/// handed over again, so a crash at any point loses nothing and sends nothing twice. Quiet hours delay; a daily cap per chat.
/// Chats are planned in batches (<see cref="BatchSize"/>): their states are read with one store call, their accounts
/// with one catalogue call, their ledger entries with one store call, and each batch is written and handed to the inbox
/// while the next one is read.
/// </summary>
public sealed class NoticeRun(
    INoticeStore store,
    IConsentLedger consent,
    IConversationStore conversations,
    ICatalogue catalogue,
    NoticeHandOver handOver,
    TimeProvider clock,
    IOptions<NoticeOptions> options,
    BotMetrics metrics,
    ILogger<NoticeRun> logger)
{
    /// <summary>Chats planned together (one catalogue call, one ledger transaction, one inbox commit per batch).</summary>
    public const int BatchSize = 500;

    private const string NoConsent = "no consent on this channel";
    private const string NoCard = "no card linked";
    private const string Unavailable = "library system unavailable";
    private const string Capped = "daily cap reached (sent tomorrow)";

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

            // Digests planned before that the inbox never got (the process stopped in between): handed over again.
            var resumed = await handOver.HandOverAsync(await store.UndeliveredAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

            var day = new Day(DateOnly.FromDateTime(local.DateTime), new DateTimeOffset(local.Date, local.Offset));
            var granted = await consent.GrantedAsync(ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false);
            var subscribers = await store.SubscribersAsync(cancellationToken).ConfigureAwait(false);
            var (notices, digests) = (0, 0);
            void Count(IReadOnlyList<NoticeDigest> planned) => (notices, digests) = (notices + planned.Sum(d => d.Notices.Count), digests + planned.Count);

            var ids = new DigestIds(started, runId);
            var writing = Task.FromResult<IReadOnlyList<NoticeDigest>>([]);
            try
            {
                foreach (var batch in subscribers.Chunk(BatchSize))
                {
                    // A batch is read while the one before is written and handed over (other chats: nothing in common).
                    var due = await PrepareBatchAsync(batch, runId, ids, day, granted, skipped, cancellationToken).ConfigureAwait(false);
                    Count(await writing.ConfigureAwait(false));
                    writing = Task.Run(() => WriteBatchAsync(due, cancellationToken), cancellationToken);
                }

                Count(await writing.ConfigureAwait(false));
            }
            finally
            {
                // Never release the lease while a batch is still being written (its own failure was seen above, or is secondary).
                await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                    .ConfigureAwait(false);
            }

            var report = new NoticeRunReport(runId, trigger, started, clock.GetUtcNow(), NoticeRunReport.Done,
                subscribers.Count, notices, digests, resumed, skipped);
            NoticesLog.RunFinished(logger, runId, trigger, report.Chats, report.Notices, report.Digests, resumed);
            return report;
        }
        finally
        {
            await store.ReleaseLeaseAsync(_owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The library's day: its date and the instant it began (the daily cap counts from there).</summary>
    private readonly record struct Day(DateOnly Today, DateTimeOffset Start);

    /// <summary>
    /// Digest ids that sort in the order they are made: the run's start (hex milliseconds), the run id, a counter. The
    /// ledger's and the inbox's indexes on them then grow at one end instead of being written all over at every batch.
    /// </summary>
    private sealed class DigestIds(DateTimeOffset started, string runId)
    {
        private readonly string _prefix = started.ToUnixTimeMilliseconds().ToString("x11", System.Globalization.CultureInfo.InvariantCulture) + runId;
        private int _next;

        public string Next() => _prefix + (++_next).ToString("x7", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores a batch's digests in the ledger, then hands the ones stored to the inbox (in that order: a crash between loses nothing).</summary>
    private async Task<IReadOnlyList<NoticeDigest>> WriteBatchAsync(List<NoticeDigest> digests, CancellationToken cancellationToken)
    {
        var planned = await store.PlanAsync(digests, cancellationToken).ConfigureAwait(false);
        await handOver.HandOverAsync(planned, cancellationToken).ConfigureAwait(false);
        foreach (var kind in planned.SelectMany(d => d.Notices).GroupBy(n => n.Kind))
        {
            metrics.Notices(kind.Key.ToString(), "planned", kind.Count());
        }

        return planned;
    }

    /// <summary>What the batch's chats are due, as digests not stored yet (the consent, card, library and cap checks made).</summary>
    private async Task<List<NoticeDigest>> PrepareBatchAsync(
        string[] keys, string runId, DigestIds ids, Day day, IReadOnlySet<string> granted, Dictionary<string, int> skipped, CancellationToken cancellationToken)
    {
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

        var consenting = new List<string>(keys.Length);
        foreach (var key in keys)
        {
            if (ConversationIds.TryParseRef(key, out var address) && granted.Contains(await consent.HashAsync(address, cancellationToken).ConfigureAwait(false)))
            {
                consenting.Add(key);
            }
            else
            {
                Skip(NoConsent);
            }
        }

        var chats = new List<(string Key, IReadOnlyList<LinkedCard> Cards)>(consenting.Count);
        foreach (var (key, cards) in await LinkedCardsAsync(consenting, cancellationToken).ConfigureAwait(false))
        {
            if (cards.Count == 0)
            {
                Skip(NoCard);
            }
            else
            {
                chats.Add((key, cards));
            }
        }

        if (chats.Count == 0)
        {
            return [];
        }

        var accounts = await AccountsAsync(chats.SelectMany(c => c.Cards.Select(card => card.PatronId)).ToHashSet(StringComparer.Ordinal), cancellationToken)
            .ConfigureAwait(false) ?? new Dictionary<string, PatronAccount>();
        var already = await store.PlannedKeysAsync(chats.Select(c => c.Key).ToList(), cancellationToken).ConfigureAwait(false);
        var due = new List<(string Key, List<PlannedNotice> Notices)>();
        foreach (var (key, cards) in chats)
        {
            if (cards.Any(card => !accounts.ContainsKey(card.PatronId)))
            {
                Skip(Unavailable);
                continue;
            }

            var planned = already.GetValueOrDefault(key);
            var notices = cards.SelectMany(card => NoticePlanner.Plan(accounts[card.PatronId], day.Today, options.Value))
                .Where(n => planned is null || !planned.Contains(n.Key)).ToList();
            if (notices.Count > 0)
            {
                due.Add((key, notices));
            }
        }

        if (due.Count == 0)
        {
            return [];
        }

        var given = await store.DigestsSinceAsync(due.Select(d => d.Key).ToList(), day.Start, cancellationToken).ConfigureAwait(false);
        var digests = new List<NoticeDigest>(due.Count);
        var now = clock.GetUtcNow();
        foreach (var (key, notices) in due)
        {
            if (given.GetValueOrDefault(key) >= options.Value.DailyCap)
            {
                Skip(Capped);
            }
            else
            {
                digests.Add(new NoticeDigest(ids.Next(), key, runId, now, notices));
            }
        }

        return digests;
    }

    /// <summary>The cards linked to each chat, the states of the batch read at once (a chat never seen has none).</summary>
    private async Task<List<(string Key, IReadOnlyList<LinkedCard> Cards)>> LinkedCardsAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var states = await conversations.LoadManyAsync(keys, cancellationToken).ConfigureAwait(false);
        return keys.Select(key => (key, states.TryGetValue(key, out var snapshot) ? LinkedCards.All(snapshot.State) : (IReadOnlyList<LinkedCard>)[])).ToList();
    }

    /// <summary>The accounts of the batch's patrons in one call; null when the library system could not be read (then every chat of the batch waits).</summary>
    private async Task<IReadOnlyDictionary<string, PatronAccount>?> AccountsAsync(IReadOnlyCollection<string> patronIds, CancellationToken cancellationToken)
    {
        try
        {
            var accounts = await catalogue.GetAccountsAsync(patronIds, cancellationToken).ConfigureAwait(false);
            if (accounts.Count < patronIds.Count)
            {
                // Cards the library system no longer knows: those chats wait (and are counted as skipped).
                NoticesLog.AccountUnavailable(logger, nameof(CatalogueErrorKind.NotFound));
            }

            return accounts;
        }
        catch (CatalogueException ex)
        {
            NoticesLog.AccountUnavailable(logger, ex.Kind.ToString());
            return null;
        }
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

    private DateTimeOffset? QuietUntil(DateTimeOffset local) => options.Value.Quiet()?.Until(local);
}
