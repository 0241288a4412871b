using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Telemetry;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// Who a broadcast reaches: every chat that ever signed up for news, narrowed to the segment (channel, language,
/// branch — the branch whose QR code the patron scanned, else the home branch of a linked card), then checked against
/// the consent ledger (a grant for one of the topics, news not stopped: STOP, WhatsApp's own setting or 131050, unfollow,
/// "delete my data"), the weekly cap, and what each channel allows outside its window. Excluded chats are kept with
/// their reason, so the funnel can count them. Reads consent once per purpose and chat states in batches.
/// </summary>
public sealed class AudiencePlanner(
    IBroadcastStore store,
    IConsentLedger ledger,
    IConversationStore conversations,
    ICatalogue catalogue,
    TimeProvider clock,
    IOptions<BroadcastOptions> options)
{
    private const int BatchSize = 500;

    /// <summary>WhatsApp's customer-service window: free text only within it.</summary>
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    /// <summary>WeChat's customer-service window after a patron's message.</summary>
    public static readonly TimeSpan WeChatWindow = TimeSpan.FromHours(48);

    private static readonly TimeSpan CapPeriod = TimeSpan.FromDays(7);

    public async Task<AudiencePlan> PlanAsync(string broadcastId, BroadcastAudience audience, bool hasWhatsAppTemplate, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var channels = audience.Channels.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var languages = audience.Languages.Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var branches = audience.Branches.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var candidates = new List<(string Key, ConversationRef Address)>();
        foreach (var key in await store.SubscribersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ConversationIds.TryParseRef(key, out var address) && (channels.Count == 0 || channels.Contains(ChannelTags.Of(address.Channel))))
            {
                candidates.Add((key, address));
            }
        }

        var news = await ledger.LatestAsync(ConsentPurposes.News, cancellationToken).ConfigureAwait(false);
        var topics = new List<IReadOnlyDictionary<string, ConsentLatest>>();
        foreach (var topic in audience.Topics)
        {
            topics.Add(await ledger.LatestAsync(BroadcastOptions.Purpose(topic), cancellationToken).ConfigureAwait(false));
        }

        var recipients = new List<BroadcastRecipient>(candidates.Count);
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var keys = batch.Select(c => c.Key).ToList();
            var states = await conversations.LoadManyAsync(keys, cancellationToken).ConfigureAwait(false);
            var homes = branches.Count > 0 ? await HomeBranchesAsync(states.Values, cancellationToken).ConfigureAwait(false) : null;
            var sent = await store.SentSinceAsync(keys, now - CapPeriod, cancellationToken).ConfigureAwait(false);
            foreach (var (key, address) in batch)
            {
                var state = states.GetValueOrDefault(key)?.State;
                var language = BroadcastLanguages.CodeOf(state?.Locale);
                if ((languages.Count > 0 && !languages.Contains(language)) || (homes is not null && !InBranches(state, homes, branches)))
                {
                    continue;
                }

                var hash = await ledger.HashAsync(address, cancellationToken).ConfigureAwait(false);
                var reason = ConsentReason(hash, news, topics)
                    ?? (sent.GetValueOrDefault(key) >= options.Value.WeeklyCap ? ExclusionReasons.FrequencyCap : null)
                    ?? WindowReason(address.Channel, state, hasWhatsAppTemplate, now);
                recipients.Add(new BroadcastRecipient(broadcastId, key, ChannelTags.Of(address.Channel), language,
                    reason is null ? RecipientStatus.Pending : RecipientStatus.Excluded, reason, now));
            }
        }

        return new AudiencePlan(recipients);
    }

    /// <summary>Why consent rules the chat out, or null when one of the topics is granted and news was not stopped.</summary>
    private static string? ConsentReason(string hash, IReadOnlyDictionary<string, ConsentLatest> news, List<IReadOnlyDictionary<string, ConsentLatest>> topics)
    {
        if (news.TryGetValue(hash, out var general) && !general.Granted)
        {
            return ExclusionReasons.NewsWithdrawn(general.Source);
        }

        var latest = topics.Select(t => t.GetValueOrDefault(hash)).OfType<ConsentLatest>().ToList();
        if (latest.Any(l => l.Granted))
        {
            return null;
        }

        return ExclusionReasons.TopicWithdrawn(latest.OrderByDescending(l => l.At).FirstOrDefault()?.Source);
    }

    /// <summary>What the channel allows outside its window: WhatsApp only a template; WeChat a mass send (decided when sending).</summary>
    private static string? WindowReason(ChannelId channel, ConversationState? state, bool hasWhatsAppTemplate, DateTimeOffset now) =>
        channel == ChannelId.WhatsApp && !hasWhatsAppTemplate && !(state?.LastInboundAt is { } last && now - last < WhatsAppWindow)
            ? ExclusionReasons.WhatsAppWindowNoTemplate
            : null;

    private static bool InBranches(ConversationState? state, IReadOnlyDictionary<string, string> homes, HashSet<string> branches)
    {
        if (state is null)
        {
            return false;
        }

        var branch = BranchScene.Preferred(state)
            ?? LinkedCards.All(state).Select(c => homes.GetValueOrDefault(c.PatronId)).FirstOrDefault(b => b is not null);
        return branch is not null && branches.Contains(branch);
    }

    /// <summary>The home branch of each linked card of the chats (one catalogue call); none when the library system is down.</summary>
    private async Task<IReadOnlyDictionary<string, string>> HomeBranchesAsync(IEnumerable<ConversationSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var patrons = snapshots.SelectMany(s => LinkedCards.All(s.State)).Select(c => c.PatronId).ToHashSet(StringComparer.Ordinal);
        if (patrons.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            var accounts = await catalogue.GetAccountsAsync(patrons, cancellationToken).ConfigureAwait(false);
            return accounts.Where(a => a.Value.HomeBranchId is not null).ToDictionary(a => a.Key, a => a.Value.HomeBranchId!, StringComparer.Ordinal);
        }
        catch (CatalogueException)
        {
            return new Dictionary<string, string>();
        }
    }
}
