using System.Globalization;
using LibraryBot.Bot;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.CatalogAdapter;
using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.BroadcastBench;

/// <summary>
/// The bot as the server builds it (SQLite store, embedded demo library; no HTTP, no background workers) over the files
/// of one folder: seeds WhatsApp chats signed up for a topic through the server's own stores (so the consent ledger's
/// address hashes are the server's HMAC hashes, with the key kept in the same database), and plans broadcasts in-process.
/// </summary>
internal sealed class BroadcastScale : IAsyncDisposable
{
    public const string BotFile = "bot.db";
    public const string CatalogueFile = "demo-library.db";
    public const string PhoneNumberId = "100000000000001";
    public const string Topic = "events";

    private readonly IHost _host;

    private BroadcastScale(IHost host, string directory)
    {
        _host = host;
        Directory = directory;
    }

    public string Directory { get; }

    public IServiceProvider Services => _host.Services;

    public static BroadcastScale Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(directory, BotFile),
            ["Catalog:Embedded:Path"] = Path.Combine(directory, CatalogueFile),
            ["Bot:PrivacyUrl"] = "https://library.example/privacy",
            ["Notices:Enabled"] = "false",
            ["Broadcasts:QuietHours"] = "",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ISelfBaseAddress>(new FixedBaseAddress(new Uri("http://127.0.0.1:5080/")));
        builder.AddBotCore();
        builder.AddCatalogue();
        return new BroadcastScale(builder.Build(), directory);
    }

    /// <summary>The chat of the i-th seeded patron: WhatsApp numbers scattered as real ones are (a bijection of i), none real.</summary>
    public static ConversationRef Chat(int i) =>
        new(ChannelId.WhatsApp, PhoneNumberId, "3460" + ((i * 2_654_435_761L) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture));

    /// <summary>Every tenth chat (i % 10 == 7) wrote STOP after signing up.</summary>
    public static bool Stopped(int i) => i % 10 == 7;

    /// <summary>
    /// Adds <paramref name="patrons"/> WhatsApp chats that signed up for <see cref="Topic"/> as the sign-up dialog records
    /// it (a grant of <c>news:events</c> with the confirmation's words, version and language, and a subscriber row),
    /// each with a state in one of the four languages and a message within the last hours (inside the 24-hour window);
    /// every tenth then wrote STOP (news and every topic withdrawn with the words shown, as <c>MarketingConsent</c> does).
    /// </summary>
    public async Task<SeedSummary> SeedAsync(int patrons, Action<string> progress, CancellationToken cancellationToken)
    {
        await Services.GetRequiredService<EmbeddedCatalogue>().EnsureCreatedAsync(cancellationToken);
        var conversations = Services.GetRequiredService<IConversationStore>();
        var consent = Services.GetRequiredService<PatronConsent>();
        var broadcasts = Services.GetRequiredService<IBroadcastStore>();
        var text = Services.GetRequiredService<BotText>();
        var library = Services.GetRequiredService<IOptions<BotOptions>>().Value.LibraryName;
        var topic = Services.GetRequiredService<IOptions<BroadcastOptions>>().Value.Topic(Topic)
            ?? throw new InvalidOperationException($"No topic '{Topic}' configured.");
        var now = DateTimeOffset.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stopped = 0;
        for (var i = 0; i < patrons; i++)
        {
            var chat = Chat(i);
            var locale = (i % 4) switch { 0 => "es", 1 => "vi", 2 => "zh-Hans", _ => "en" };
            var joinedAt = now.AddMinutes(-30 - (i % 300));
            var state = new ConversationState
            {
                Locale = locale,
                LastInboundAt = joinedAt,
                RecentDedupeKeys = Enumerable.Range(0, 4).Select(k => $"wamid.seed.{i}.{k}").ToList(),
            };
            await conversations.CommitTurnAsync(new TurnCommit(chat.Key, null, state, [], null), cancellationToken);
            var joined = text.Get("News.Joined", locale, TopicNames.In(topic, locale), library, text.Get("Channel.WhatsApp", locale));
            await consent.RecordAsync(chat, new ConsentRecord(BroadcastOptions.Purpose(Topic), ConsentAction.Grant, joinedAt, ConsentSource.Chat, "patron",
                joined, $"News.Joined@{NewsTopicConsent.WordingVersion}", locale), cancellationToken);
            await broadcasts.AddSubscriberAsync(chat.Key, joinedAt, cancellationToken);
            if (Stopped(i))
            {
                var at = joinedAt.AddMinutes(5);
                var withdrawal = new ConsentRecord(ConsentPurposes.News, ConsentAction.Withdraw, at, ConsentSource.StopWord, "patron",
                    text.Get("Privacy.MarketingStopped", locale), "Privacy.MarketingStopped@1", locale);
                await consent.WithdrawAllAsync(chat, withdrawal, p => p.StartsWith(ConsentPurposes.News + ":", StringComparison.Ordinal), cancellationToken);
                await consent.RecordAsync(chat, withdrawal, cancellationToken);
                await broadcasts.MarkOptedOutAsync(chat.Key, at, cancellationToken);
                stopped++;
            }

            if ((i + 1) % 20_000 == 0)
            {
                progress($"{i + 1:N0} chats signed up ({watch.Elapsed.TotalSeconds:F1} s)");
            }
        }

        return new SeedSummary(patrons, stopped, now);
    }

    /// <summary>Counts in the bot database (read-only connection).</summary>
    public static long Scalar(string directory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, BotFile)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<InboxWriter>().DisposeAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private sealed class FixedBaseAddress(Uri address) : ISelfBaseAddress
    {
        public Uri BaseAddress { get; } = address;
    }
}

/// <summary>What a seed put in: chats signed up, how many of them later wrote STOP, and when (their window starts then).</summary>
internal sealed record SeedSummary(int Patrons, int Stopped, DateTimeOffset SeededAt);
