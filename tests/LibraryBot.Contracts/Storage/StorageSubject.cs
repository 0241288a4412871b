using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// The stores of one implementation, built on one fresh backing store, with the clock they read.
/// <paramref name="Cleanup"/> removes the backing store when the test ends.
/// </summary>
public sealed record StorageSubject(
    IConversationStore Conversations,
    IInboxStore Inbox,
    IOutboxStore Outbox,
    IConsentLedger Consent,
    INoticeStore Notices,
    IBroadcastStore Broadcasts,
    ConsoleStores Console,
    FakeTimeProvider Clock,
    Func<ValueTask> Cleanup) : IAsyncDisposable
{
    /// <summary>The instant every subject's clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider NewClock() => new(Start);

    public ValueTask DisposeAsync() => Cleanup();
}

/// <summary>
/// The stores behind the librarians' console and the pickup batch, on the same backing store as the others.
/// <paramref name="StoredRatings"/> counts a conversation's stored ratings by reading the backing store itself (the
/// interface only writes them).
/// </summary>
public sealed record ConsoleStores(
    IStaffStore Staff,
    ITranscriptStore Transcripts,
    IHandoffQueue Queue,
    IPatronChats Chats,
    Func<string, Task<int>> StoredRatings);
