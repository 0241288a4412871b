using System.Diagnostics;
using System.Globalization;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Contracts.Notices;

/// <summary>
/// The bot as the server builds it (SQLite store, the embedded demo library, inbox), over files in one folder, with
/// many linked patrons who granted notices: the notice run at scale, for the benchmark (<c>bench/LibraryBot.NoticeBench</c>)
/// and its smoke test. The clock stands still at noon at the demo library, so seeded dates stay true.
/// <para>
/// Each patron gets a chat (four in five on WhatsApp, one in five on WeChat) whose state links the patron's card, a
/// notices grant in the consent ledger and a subscription; in the library, a deterministic mix of loans (none to three;
/// about one in eight due within three days, one in eight overdue) and holds (about one in eight ready on the shelf,
/// one in ten waiting). <see cref="Seeded"/> counts the notices that mix calls for, worked out from the seed itself.
/// </para>
/// </summary>
public sealed class NoticeScale : IAsyncDisposable
{
    /// <summary>12:00 at the demo library (America/Los_Angeles): outside quiet hours.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    public const string BotFile = "bot.db";
    public const string CatalogueFile = "demo-library.db";

    private const int DueSoonDays = 3;
    private const int HoldExpiringDays = 1;

    private static readonly string[] FirstNames = ["Olivia", "Mateo", "Hana", "Duc", "Grace", "Lucas", "Yuki", "Sofia", "Omar", "Linh", "Wei", "Camila"];

    private readonly IHost _host;

    private NoticeScale(IHost host, string directory)
    {
        _host = host;
        Directory = directory;
    }

    public string Directory { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>What the seed put in, and the notices it calls for today.</summary>
    public SeedSummary? Seeded { get; private set; }

    /// <summary>Builds the bot over <paramref name="directory"/> (its files are created when missing).</summary>
    public static NoticeScale Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(directory, BotFile),
            ["Catalog:Embedded:Path"] = Path.Combine(directory, CatalogueFile),
            ["Bot:PrivacyUrl"] = "https://library.example/privacy",
            ["Notices:Enabled"] = "false",
            ["Notices:QuietHours"] = "",
            ["Notices:DueSoonDays"] = DueSoonDays.ToString(CultureInfo.InvariantCulture),
            ["Notices:OverdueDays"] = "1,7",
            ["Notices:HoldExpiringDays"] = HoldExpiringDays.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Noon));
        builder.Services.AddSingleton<ISelfBaseAddress>(new FixedBaseAddress(new Uri("http://127.0.0.1:5080/")));
        builder.AddBotCore();
        builder.AddCatalogue();
        return new NoticeScale(builder.Build(), directory);
    }

    /// <summary>Adds <paramref name="patrons"/> linked patrons to the library and the bot (see the class summary).</summary>
    public async Task<SeedSummary> SeedAsync(int patrons, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var catalogue = Services.GetRequiredService<EmbeddedCatalogue>();
        await catalogue.EnsureCreatedAsync(cancellationToken);
        var today = catalogue.Today;
        var watch = Stopwatch.StartNew();
        var people = SeedLibrary(Path.Combine(Directory, CatalogueFile), patrons, today, out var summary);
        progress?.Invoke($"library: {patrons:N0} patrons, {summary.Loans:N0} loans, {summary.Holds:N0} holds in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var conversations = Services.GetRequiredService<IConversationStore>();
        var consent = Services.GetRequiredService<IConsentLedger>();
        var notices = Services.GetRequiredService<INoticeStore>();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < people.Count; i++)
        {
            var (patronId, firstName) = people[i];
            var chat = Chat(i);
            var state = new ConversationState
            {
                Locale = (i % 4) switch { 0 => "es", 1 => "vi", 2 => "zh-Hans", _ => "en" },
                LastInboundAt = now.AddDays(-(i % 20)),
                RecentDedupeKeys = Enumerable.Range(0, 12).Select(k => $"wamid.seed.{i}.{k}").ToList(),
            };
            LinkedCards.Link(state, new LinkedCard(patronId, firstName, "•••• " + (i % 10_000).ToString("D4", CultureInfo.InvariantCulture)));
            await conversations.CommitTurnAsync(new TurnCommit(chat.Key, null, state, [], null), cancellationToken);
            await consent.AppendAsync(chat, new ConsentRecord(ConsentPurposes.Notices, ConsentAction.Grant, now, ConsentSource.Chat, "patron",
                "Would you like notices?", "Notices.Ask@1", state.Locale), cancellationToken);
            // Patrons subscribed over three months, in no particular order of their numbers.
            await notices.AddSubscriberAsync(chat.Key, now.AddSeconds(-((i * 7919L) % 7_776_000)), cancellationToken);
            if ((i + 1) % 20_000 == 0)
            {
                progress?.Invoke($"bot: {i + 1:N0} chats linked, granted and subscribed ({watch.Elapsed.TotalSeconds:F1} s)");
            }
        }

        progress?.Invoke($"bot: {people.Count:N0} chats in {watch.Elapsed.TotalSeconds:F1} s");
        return Seeded = summary;
    }

    /// <summary>The digests the ledger holds, its notices, and how many distinct (chat, key) and keys there are.</summary>
    public LedgerCounts Ledger()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Directory, BotFile)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new LedgerCounts(
            Scalar("SELECT count(*) FROM notice_digests"),
            Scalar("SELECT count(*) FROM notices"),
            Scalar("SELECT count(*) FROM (SELECT DISTINCT conversation_key, notice_key FROM notices)"),
            Scalar("SELECT count(DISTINCT notice_key) FROM notices"),
            Scalar("SELECT count(*) FROM inbox WHERE dedupe_key LIKE 'notice:%'"),
            Scalar("SELECT count(*) FROM (SELECT dedupe_key FROM inbox WHERE dedupe_key LIKE 'notice:%' GROUP BY dedupe_key HAVING count(*) > 1)"));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<InboxWriter>().DisposeAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The chat of the i-th seeded patron: numbers and OpenIDs scattered as real ones are (a bijection of i), none real.</summary>
    public static ConversationRef Chat(int i)
    {
        var scattered = (i * 2_654_435_761L) % 100_000_000;
        return i % 5 == 4
            ? new ConversationRef(ChannelId.WeChat, "gh_library", "o" + scattered.ToString("D10", CultureInfo.InvariantCulture))
            : new ConversationRef(ChannelId.WhatsApp, "15550001111", "3460" + scattered.ToString("D8", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the patrons, their items, loans and holds into the demo library in one transaction; returns (patron id, first name) of each.</summary>
    private static List<(string PatronId, string FirstName)> SeedLibrary(string path, int patrons, DateOnly today, out SeedSummary summary)
    {
        var random = new Random(20261123);
        using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=True;Pooling=False");
        connection.Open();
        var records = Column<long>(connection, "SELECT id FROM records ORDER BY id");
        var branches = Column<string>(connection, "SELECT branch_id FROM branches ORDER BY position");
        using var transaction = connection.BeginTransaction();
        using var patron = Prepare(connection, transaction, "INSERT INTO patrons VALUES ($id, $card, $first, 'Bench', NULL, $home, $expires, 0)", "$id", "$card", "$first", "$home", "$expires");
        using var item = Prepare(connection, transaction, "INSERT INTO items (item_id, record_id, branch_id, call_number, status) VALUES ($id, $record, $branch, NULL, $status)",
            "$id", "$record", "$branch", "$status");
        using var loan = Prepare(connection, transaction, "INSERT INTO loans (patron_id, item_id, loaned_on, due, renewals) VALUES ($patron, $item, $loaned, $due, 0)",
            "$patron", "$item", "$loaned", "$due");
        using var hold = Prepare(connection, transaction,
            "INSERT INTO holds (patron_id, record_id, pickup_branch, placed_at, status, item_id, ready_until) VALUES ($patron, $record, $branch, $at, $status, $item, $until)",
            "$patron", "$record", "$branch", "$at", "$status", "$item", "$until");

        var people = new List<(string, string)>(patrons);
        var (loans, holds, items) = (0, 0, 0);
        var (dueSoon, overdue, ready, expiring, chatsWithNotices) = (0, 0, 0, 0, 0);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < patrons; i++)
        {
            var id = "b-" + i.ToString("D7", CultureInfo.InvariantCulture);
            var first = FirstNames[i % FirstNames.Length];
            var home = branches[i % branches.Count];
            Run(patron, id, "2900090" + i.ToString("D7", CultureInfo.InvariantCulture), first, home, Date(730));
            people.Add((id, first));
            var calledFor = 0;
            var loanCount = random.Next(100) switch { < 30 => 0, < 65 => 1, < 85 => 2, _ => 3 };
            for (var l = 0; l < loanCount; l++)
            {
                var due = random.Next(100) switch { < 12 => random.Next(0, DueSoonDays + 1), < 25 => -random.Next(1, 15), _ => random.Next(DueSoonDays + 1, 29) };
                var itemId = "bx-" + (++items).ToString("D8", CultureInfo.InvariantCulture);
                Run(item, itemId, records[random.Next(records.Count)], home, "on_loan");
                Run(loan, id, itemId, Date(due - 21), Date(due));
                loans++;
                if (due >= 0 && due <= DueSoonDays)
                {
                    dueSoon++;
                    calledFor++;
                }
                else if (due < 0)
                {
                    overdue++;
                    calledFor++;
                }
            }

            var holdKind = random.Next(100);
            if (holdKind < 22)
            {
                var record = records[random.Next(records.Count)];
                var placed = Noon.AddDays(-random.Next(1, 20)).ToUnixTimeMilliseconds();
                if (holdKind < 12)
                {
                    var until = random.Next(0, 7);
                    var itemId = "bx-" + (++items).ToString("D8", CultureInfo.InvariantCulture);
                    Run(item, itemId, record, home, "hold_shelf");
                    Run(hold, id, record, home, placed, "ready", itemId, Date(until));
                    ready++;
                    calledFor++;
                    if (until <= HoldExpiringDays)
                    {
                        expiring++;
                        calledFor++;
                    }
                }
                else
                {
                    Run(hold, id, record, home, placed, "waiting", null, null);
                }

                holds++;
            }

            chatsWithNotices += calledFor > 0 ? 1 : 0;
        }

        transaction.Commit();
        summary = new SeedSummary(patrons, loans, holds, dueSoon, overdue, ready, expiring, chatsWithNotices);
        return people;
    }

    private static List<T> Column<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var p = 0; p < values.Length; p++)
        {
            command.Parameters[p].Value = values[p] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private sealed class FixedBaseAddress(Uri address) : ISelfBaseAddress
    {
        public Uri BaseAddress { get; } = address;
    }
}

/// <summary>What a seed put in, and the notices it calls for at <see cref="NoticeScale.Noon"/> (worked out from the seed, not by the planner).</summary>
public sealed record SeedSummary(int Patrons, int Loans, int Holds, int DueSoon, int Overdue, int HoldReady, int HoldExpiring, int ChatsWithNotices)
{
    public int Notices => DueSoon + Overdue + HoldReady + HoldExpiring;
}

/// <summary>
/// The ledger after a run: digests, notices, distinct (chat, key) pairs and distinct keys (each chat links its own
/// patron, so every key is one chat's), the inbox entries of notice digests and how many of those repeat.
/// </summary>
public sealed record LedgerCounts(long Digests, long Notices, long DistinctPerChat, long DistinctKeys, long InboxDigests, long InboxRepeats)
{
    public bool HasDuplicates => DistinctPerChat != Notices || DistinctKeys != Notices || InboxRepeats != 0;
}
