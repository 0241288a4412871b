using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
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
    FakeTimeProvider Clock,
    Func<ValueTask> Cleanup) : IAsyncDisposable
{
    /// <summary>The instant every subject's clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider NewClock() => new(Start);

    public ValueTask DisposeAsync() => Cleanup();
}
