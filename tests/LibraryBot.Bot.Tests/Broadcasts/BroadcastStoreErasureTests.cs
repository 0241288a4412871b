using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>The broadcast ledger in the running bot: chosen by <c>Storage:Provider</c>, and "delete my data" forgets the news sign-up.</summary>
public sealed class BroadcastStoreErasureTests : IAsyncLifetime
{
    private TestBot _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _bot = TestBot.Create();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public void BroadcastStore_WithTheDefaultProvider_IsTheSqliteLedger() =>
        Assert.IsType<SqliteBroadcastStore>(_bot.Services.GetRequiredService<IBroadcastStore>());

    [Fact]
    public async Task DeleteMyData_WhenSignedUpForNews_ForgetsTheSignUpAndKeepsTheRecipientRows()
    {
        var store = _bot.Services.GetRequiredService<IBroadcastStore>();
        var chat = _bot.Conversation.Key;
        const string other = "wa:15550001111:34600999999";
        await _bot.SendAsync("hello");
        await store.AddSubscriberAsync(chat, _bot.Clock.GetUtcNow(), Ct);
        await store.AddSubscriberAsync(other, _bot.Clock.GetUtcNow(), Ct);
        await store.AddRecipientsAsync([new BroadcastRecipient("b-1", chat, "whatsapp", "en", RecipientStatus.Pending, null, _bot.Clock.GetUtcNow())], Ct);
        await store.MarkAsync("b-1", [chat], RecipientStatus.Queued, null, _bot.Clock.GetUtcNow(), Ct);

        await _bot.SendAsync("delete my data");
        await _bot.ChooseAsync("yes");

        Assert.Equal([other], await store.SubscribersAsync(Ct));
        Assert.Equal(RecipientStatus.Queued, (await store.FindRecipientAsync("b-1", chat, Ct))!.Status);
        Assert.Equal(new Dictionary<string, int> { [chat] = 1 }, await store.SentSinceAsync([chat], _bot.Clock.GetUtcNow().AddDays(-7), Ct));
    }
}
