using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Storage;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Bot.Tests.Support;

/// <summary>
/// The real bot (engine, understanding, dialogs, SQLite store, the demo library, inbox, outbox records) without HTTP or
/// background workers:
/// each <see cref="SendAsync(string)"/> stores an activity in the inbox, runs its turn, and returns the replies the
/// turn wrote to the outbox. Script-style tests read like botbuilder's TestFlow.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private int _sequence;
    private int _repliesSeen;

    private TestBot(IHost host, string directory, ConversationRef conversation)
    {
        _host = host;
        _directory = directory;
        Conversation = conversation;
    }

    public ConversationRef Conversation { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public IServiceProvider Services => _host.Services;

    public static TestBot Create(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, string userId = "15550001111", string? databasePath = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "librarybot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = databasePath ?? Path.Combine(directory, "bot.db"),
            ["Bot:PrivacyUrl"] = "https://library.example/privacy",
            ["Catalog:Embedded:Path"] = Path.Combine(directory, "demo-library.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        builder.Services.AddSingleton<ISelfBaseAddress>(new FixedBaseAddress(new Uri("http://127.0.0.1:5080/")));
        builder.AddBotCore();
        builder.AddCatalogue();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        return new TestBot(host, directory, new ConversationRef(ChannelId.WhatsApp, "100000000000001", userId));
    }

    public Task<IReadOnlyList<OutboundMessage>> SendAsync(string text) =>
        SendAsync(NewActivity(ActivityType.Message) with { Text = text });

    public Task<IReadOnlyList<OutboundMessage>> ChooseAsync(string choiceId) =>
        SendAsync(NewActivity(ActivityType.ChoiceReply) with { ChoiceId = choiceId });

    public async Task<IReadOnlyList<OutboundMessage>> SendAsync(Activity activity)
    {
        await Services.GetRequiredService<InboxWriter>().AcceptAsync([activity], CancellationToken.None);
        return await RunPendingTurnsAsync();
    }

    /// <summary>Runs the turns of every pending inbox entry (e.g. a notice digest) and returns this chat's new replies.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> RunPendingTurnsAsync()
    {
        var entries = await Services.GetRequiredService<IInboxStore>().ClaimPendingAsync("test", 0, 100, TimeSpan.FromMinutes(1), Clock.GetUtcNow(), CancellationToken.None);
        foreach (var entry in entries)
        {
            await Services.GetRequiredService<TurnRunner>().RunAsync(entry, CancellationToken.None);
        }

        var all = await Services.GetRequiredService<IOutboxStore>().ListAsync(Conversation.Key, CancellationToken.None);
        var fresh = all.Skip(_repliesSeen).Select(i => i.Message).ToList();
        _repliesSeen = all.Count;
        return fresh;
    }

    public Activity NewActivity(ActivityType type) => new()
    {
        Conversation = Conversation,
        Type = type,
        DedupeKey = $"test-{Conversation.UserId}-{Interlocked.Increment(ref _sequence)}",
        Timestamp = Clock.GetUtcNow(),
        SenderName = "Ana",
    };

    public async Task<LibraryBot.Bot.Engine.ConversationState?> StateAsync() =>
        (await Services.GetRequiredService<IConversationStore>().LoadAsync(Conversation.Key, CancellationToken.None))?.State;

    public async ValueTask DisposeAsync()
    {
        if (Services.GetService<InboxWriter>() is { } writer)
        {
            await writer.DisposeAsync();
        }

        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned by the OS.
        }
    }

    private sealed class FixedBaseAddress(Uri address) : ISelfBaseAddress
    {
        public Uri BaseAddress { get; } = address;
    }
}
