using LibraryBot.Bot.Consent;
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
    [InlineData("STOP", "OK, I've stopped that.")]
    [InlineData("baja", "Vale, lo he cancelado.")]
    [InlineData("退订", "好的，已取消。")]
    [InlineData("HỦY", "Được rồi, tôi đã hủy.")]
    public async Task StopWord_WhenAQuestionIsWaiting_CancelsTheQuestionAndDoesNotUnsubscribe(string word, string cancelled)
    {
        // Vietnamese "hủy" means "cancel": typed at a question it is an answer to that question, not an opt-out.
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var replies = await _bot.SendAsync(word);
        Assert.Equal(cancelled, Assert.Single(replies).ToPlainText());
        var state = (await _bot.StateAsync())!;
        Assert.Empty(state.DialogStack);
        Assert.Null(await NewsAsync());
    }

    [Theory]
    [InlineData("STOP", "Write START to receive news again.")]
    [InlineData("baja", "Escribe ALTA para volver a recibirlas.")]
    [InlineData("退订", "回复“订阅”可重新接收。")]
    [InlineData("HỦY", "Gõ ĐĂNG KÝ để nhận tin lại.")]
    public async Task StopWord_WhenTheWholeMessageAndNoQuestionWaits_UnsubscribesAndSaysHowToUndo(string word, string undo)
    {
        await _bot.SendAsync("hello");
        var replies = await _bot.SendAsync(word);
        Assert.Contains(undo, Assert.Single(replies).ToPlainText());
        var stop = (await NewsAsync())!;
        Assert.False(stop.Granted);
        Assert.Equal(ConsentSource.StopWord, stop.Record.Source);
        Assert.Equal(Assert.Single(replies).ToPlainText(), stop.Record.Wording);

        // START resumes news, then lists the topics to pick (it signs up for none by itself).
        var start = (await _bot.SendAsync("start"))[0].ToPlainText();
        var granted = (await NewsAsync())!;
        Assert.True(granted.Granted);
        Assert.Equal(start, granted.Record.Wording);
        Assert.Equal("Privacy.MarketingStarted@1", granted.Record.WordingVersion);
    }

    [Fact]
    public async Task StopWord_WhenInsideASentence_IsNotAnOptOut()
    {
        await _bot.SendAsync("hello");
        await _bot.SendAsync("stop by the library tomorrow?");
        Assert.Null(await NewsAsync());
    }

    [Fact]
    public async Task ChannelOptOutEvent_WhenReceived_RecordsTheOptOutSilently()
    {
        await _bot.SendAsync("hello");
        var replies = await _bot.SendAsync(_bot.NewActivity(ActivityType.Event) with { Event = new ChannelEvent(ChannelEventKind.MarketingOptOut) });
        Assert.Empty(replies);
        var optOut = (await NewsAsync())!;
        Assert.False(optOut.Granted);
        Assert.Equal(ConsentSource.ChannelPreference, optOut.Record.Source);
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
        var residue = (await _bot.StateAsync())!;
        Assert.Null(residue.Locale);
        Assert.Empty(residue.DialogStack);
        Assert.Empty(residue.Values);
        Assert.NotNull(residue.LastInboundAt);
        var left = Assert.Single(await store.ListAsync(_bot.Conversation.Key, CancellationToken.None));
        Assert.Equal(OutboxStatus.Pending, left.Status);
        Assert.Contains("tus datos se han borrado", left.Message.ToPlainText());
        Assert.Equal(residue.LastInboundAt, left.LastInboundAt);
    }

    [Fact]
    public async Task DeleteMyData_AfterStop_KeepsTheOptOutSoNewsNeverResumes()
    {
        await _bot.SendAsync("hello");
        await _bot.SendAsync("STOP");
        await _bot.SendAsync("delete my data");
        await _bot.ChooseAsync("yes");

        Assert.Empty((await _bot.StateAsync())!.Values);
        var stop = (await NewsAsync())!;
        Assert.False(stop.Granted);
        Assert.Equal(ConsentSource.StopWord, stop.Record.Source);
    }

    [Fact]
    public async Task DeleteMyData_AfterStart_WithdrawsTheGrantAndKeepsOnlyAHashOfTheAddress()
    {
        await _bot.SendAsync("hello");
        await _bot.SendAsync("START");
        await _bot.SendAsync("delete my data");
        await _bot.ChooseAsync("yes");

        var history = await _bot.Services.GetRequiredService<IConsentLedger>().HistoryAsync(_bot.Conversation, CancellationToken.None);
        Assert.Equal([ConsentAction.Grant, ConsentAction.Withdraw], history.Select(e => e.Record.Action));
        Assert.Equal(ConsentSource.Erasure, history[^1].Record.Source);
        Assert.All(history, e => Assert.DoesNotContain(_bot.Conversation.UserId, e.AddressHash, StringComparison.Ordinal));
    }

    private Task<ConsentEvent?> NewsAsync() =>
        _bot.Services.GetRequiredService<PatronConsent>().LatestAsync(_bot.Conversation, ConsentPurposes.News, CancellationToken.None);

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
        var residue = (await _bot.StateAsync())!;
        Assert.Empty(residue.DialogStack);
        Assert.Empty(residue.Values);
        var outbox = await _bot.Services.GetRequiredService<IOutboxStore>().ListAsync(_bot.Conversation.Key, CancellationToken.None);
        Assert.Empty(outbox);
    }
}
