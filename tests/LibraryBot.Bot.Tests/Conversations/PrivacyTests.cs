using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Tests.Engine;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Conversations;

public sealed class PrivacyTests : IAsyncLifetime
{
    private TestBot _bot = null!;

    public ValueTask InitializeAsync()
    {
        _bot = TestBot.Create(s => s.AddOrderDialog());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("STOP")]
    [InlineData("baja")]
    [InlineData("退订")]
    [InlineData("HỦY")]
    public async Task StopWord_WhenMidDialog_RecordsTheOptOutAndReasksTheQuestion(string word)
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var replies = await _bot.SendAsync(word);
        Assert.Equal(2, replies.Count);
        Assert.Equal("How many copies?", replies[1].ToPlainText());
        var state = (await _bot.StateAsync())!;
        Assert.False(PrivacyKeys.AcceptsMarketing(state));
        Assert.Equal("patron wrote a stop word", state.Values[PrivacyKeys.MarketingOptOutSource]);

        await _bot.SendAsync("start");
        Assert.True(PrivacyKeys.AcceptsMarketing((await _bot.StateAsync())!));
    }

    [Fact]
    public async Task ChannelOptOutEvent_WhenReceived_RecordsTheOptOutSilently()
    {
        await _bot.SendAsync("hello");
        var replies = await _bot.SendAsync(_bot.NewActivity(ActivityType.Event) with { Event = new ChannelEvent(ChannelEventKind.MarketingOptOut) });
        Assert.Empty(replies);
        Assert.Equal("channel opt-out", (await _bot.StateAsync())!.Values[PrivacyKeys.MarketingOptOutSource]);
    }

    [Fact]
    public async Task DeleteMyData_WhenConfirmed_ErasesTheConversationAndConfirms()
    {
        await _bot.SendAsync("order");
        await _bot.SendAsync("borrar mis datos");
        var store = _bot.Services.GetRequiredService<IOutboxStore>();
        foreach (var sent in await store.ListAsync(_bot.Conversation.Key, CancellationToken.None))
        {
            await store.MarkSentAsync(sent.Id, "wamid.sent-" + sent.Id, _bot.Clock.GetUtcNow(), CancellationToken.None);
        }

        await _bot.ChooseAsync("yes");
        Assert.Null(await _bot.StateAsync());
        var left = Assert.Single(await store.ListAsync(_bot.Conversation.Key, CancellationToken.None));
        Assert.Equal(OutboxStatus.Pending, left.Status);
        Assert.Contains("tus datos se han borrado", left.Message.ToPlainText());
    }

    [Fact]
    public async Task DeleteMyData_WhenDeclined_KeepsEverythingAndResumes()
    {
        await _bot.SendAsync("order");
        await _bot.SendAsync("delete my data");
        var replies = await _bot.ChooseAsync("no");
        Assert.Equal("OK, nothing was deleted.", replies[0].ToPlainText());
        Assert.Equal("Which size?", replies[1].ToPlainText().Split('\n')[0]);
        Assert.NotNull(await _bot.StateAsync());
    }

    [Fact]
    public async Task Unfollow_WhenReceived_ErasesTheConversationAndStopsPendingReplies()
    {
        await _bot.SendAsync("order");
        await _bot.SendAsync(_bot.NewActivity(ActivityType.Event) with { Event = new ChannelEvent(ChannelEventKind.Unfollow) });
        Assert.Null(await _bot.StateAsync());
        var outbox = await _bot.Services.GetRequiredService<IOutboxStore>().ListAsync(_bot.Conversation.Key, CancellationToken.None);
        Assert.Empty(outbox);
    }
}
