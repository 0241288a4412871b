using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// The base of the storage contract suites: a fresh subject per test, and helpers to write activities and turns.
/// An implementation's test classes override <see cref="CreateSubjectAsync"/> only.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private StorageSubject? _subject;

    protected StorageSubject Subject => _subject ?? throw new InvalidOperationException("The subject is created in InitializeAsync.");

    protected IConversationStore Conversations => Subject.Conversations;

    protected IInboxStore Inbox => Subject.Inbox;

    protected IOutboxStore Outbox => Subject.Outbox;

    protected FakeTimeProvider Clock => Subject.Clock;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Builds the three stores on one fresh, empty backing store.</summary>
    protected abstract Task<StorageSubject> CreateSubjectAsync();

    public async ValueTask InitializeAsync() => _subject = await CreateSubjectAsync();

    public async ValueTask DisposeAsync()
    {
        if (_subject is not null)
        {
            await _subject.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static ConversationRef Patron(string user) => new(ChannelId.WhatsApp, "15550001111", user);

    protected static Activity Message(string user, string dedupeKey, string text = "hello") => new()
    {
        Conversation = Patron(user),
        Type = ActivityType.Message,
        DedupeKey = dedupeKey,
        Timestamp = StorageSubject.Start,
        Text = text,
    };

    protected async Task<IReadOnlyList<bool>> AppendAsync(params Activity[] activities) =>
        await Inbox.AppendAsync(activities, Clock.GetUtcNow(), Ct);

    protected Task<IReadOnlyList<InboxEntry>> ClaimAsync(string worker, int max = 100, long afterSequence = 0) =>
        Inbox.ClaimPendingAsync(worker, afterSequence, max, Lease, Clock.GetUtcNow(), Ct);

    protected Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(string worker = "dispatcher", int max = 100) =>
        Outbox.ClaimDueAsync(worker, max, Lease, Clock.GetUtcNow(), Ct);

    protected static ConversationState State(string locale = "en") => new() { Locale = locale, LastInboundAt = StorageSubject.Start };

    /// <summary>Commits a turn of <paramref name="user"/>'s conversation with text replies.</summary>
    protected Task<string> CommitAsync(
        string user,
        string? etag,
        string[] replies,
        long? inboxSequence = null,
        string? inboundKey = null,
        DateTimeOffset? notBefore = null,
        ConversationState? state = null)
    {
        var now = Clock.GetUtcNow();
        var records = replies
            .Select((text, i) => new OutboundRecord(Patron(user), new TextMessage(text), "en", inboundKey, now, i == 0 ? notBefore : null))
            .ToList();
        return Conversations.CommitTurnAsync(new TurnCommit(Patron(user).Key, etag, state ?? State(), records, inboxSequence), Ct);
    }

    protected static string Text(OutboxItem item) => Assert.IsType<TextMessage>(item.Message).Text;
}
