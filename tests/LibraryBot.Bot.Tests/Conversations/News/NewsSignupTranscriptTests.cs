using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Conversations.News;

/// <summary>
/// Signing up for news by topic through the real conversation engine, in the four languages: the list, one pick then
/// another, "my subscriptions" and leaving one, STOP, a poster's prefilled text and a WeChat poster scan — each change a
/// consent-ledger event with the words the patron was shown.
/// </summary>
public sealed class NewsSignupTranscriptTests : IAsyncLifetime
{
    private const string Library = "Alder Bay Public Library";
    private readonly RecordingBroadcastStore _broadcasts = new();
    private TestBot _bot = null!;

    /// <summary>Locale, "news", "my subscriptions", the stop word.</summary>
    public static readonly TheoryData<string, string, string, string> Languages = new()
    {
        { "en", "news", "my subscriptions", "STOP" },
        { "es", "noticias", "mis suscripciones", "BAJA" },
        { "zh-Hans", "订阅", "我的订阅", "退订" },
        { "vi", "tin tức", "đăng ký của tôi", "HỦY" },
    };

    /// <summary>Locale, "news", "what time do you close today?".</summary>
    public static readonly TheoryData<string, string, string> Interruptions = new()
    {
        { "en", "I want to get news from the library", "what time do you close today?" },
        { "es", "quiero recibir noticias", "¿a qué hora cierran hoy?" },
        { "zh-Hans", "我想订阅", "今天几点关门？" },
        { "vi", "cho tôi nhận tin tức", "hôm nay mấy giờ đóng cửa?" },
    };

    public ValueTask InitializeAsync()
    {
        _bot = TestBot.Create(s => s.AddSingleton<IBroadcastStore>(_broadcasts));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task SignUp_OneTopicThenAnother_ThenLeaveOne_RecordsEachWithTheWordsShown(string locale, string news, string subscriptions, string stop)
    {
        var list = Question(await _bot.SendAsync(news));
        Assert.Equal(locale, (await _bot.StateAsync())!.Locale);
        Assert.Equal(BroadcastOptions.DefaultTopics.Select(t => t.Id), list.Choices.Select(c => c.Id));
        Assert.Equal(Name("events", locale), list.Choices[0].Title);
        AssertNamesLibraryChannelAndStop(list.Text, stop);

        var joined = await _bot.ChooseAsync("events");
        var confirmation = joined[0].ToPlainText();
        AssertNamesLibraryChannelAndStop(confirmation, stop);
        Assert.Contains(Name("events", locale), confirmation, StringComparison.Ordinal);
        var another = Question(joined);
        Assert.Equal(["new-books", "reading-clubs", "children", NewsSignupDialog.DoneChoiceId], another.Choices.Select(c => c.Id));
        var events = (await LatestAsync("events"))!;
        Assert.True(events.Granted);
        Assert.Equal((confirmation, "News.Joined@1", locale, ConsentSource.Chat, "patron"),
            (events.Record.Wording, events.Record.WordingVersion, events.Record.Language, events.Record.Source, events.Record.Actor));

        await _bot.ChooseAsync("new-books");
        Assert.True((await LatestAsync("new-books"))!.Granted);
        Assert.Equal([_bot.Conversation.Key, _bot.Conversation.Key], _broadcasts.Subscribed);
        var finished = await _bot.ChooseAsync(NewsSignupDialog.DoneChoiceId);
        Assert.Equal(_bot.Services.GetRequiredService<BotText>().Get("News.Finished", locale), Assert.Single(finished).ToPlainText());

        var mine = Question(await _bot.SendAsync(subscriptions));
        Assert.Contains(Name("events", locale), mine.Text, StringComparison.Ordinal);
        Assert.Contains(Name("new-books", locale), mine.Text, StringComparison.Ordinal);
        Assert.Equal([NewsSubscriptionsDialog.LeavePrefix + "events", NewsSubscriptionsDialog.LeavePrefix + "new-books", NewsSubscriptionsDialog.JoinChoiceId], mine.Choices.Select(c => c.Id));

        var left = Assert.Single(await _bot.ChooseAsync(NewsSubscriptionsDialog.LeavePrefix + "events")).ToPlainText();
        Assert.Contains(Library, left, StringComparison.Ordinal);
        Assert.Contains("WhatsApp", left, StringComparison.Ordinal);
        var withdrawal = (await LatestAsync("events"))!;
        Assert.False(withdrawal.Granted);
        Assert.Equal((left, "News.Left@1", locale), (withdrawal.Record.Wording, withdrawal.Record.WordingVersion, withdrawal.Record.Language));
        Assert.True((await LatestAsync("new-books"))!.Granted);
        Assert.Equal(_bot.Conversation.Key, Assert.Single(_broadcasts.OptedOut).ConversationKey);

        var still = Question(await _bot.SendAsync(subscriptions));
        Assert.Equal([NewsSubscriptionsDialog.LeavePrefix + "new-books", NewsSubscriptionsDialog.JoinChoiceId], still.Choices.Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Stop_AfterSigningUp_WithdrawsNewsAndEveryTopic_AndMySubscriptionsShowsNone(string locale, string news, string subscriptions, string stop)
    {
        await _bot.SendAsync(news);
        await _bot.ChooseAsync("events");
        await _bot.ChooseAsync("children");
        await _bot.ChooseAsync(NewsSignupDialog.DoneChoiceId);

        var stopped = Assert.Single(await _bot.SendAsync(stop)).ToPlainText();
        Assert.False((await LatestAsync("events"))!.Granted);
        Assert.False((await LatestAsync("children"))!.Granted);
        Assert.Equal(stopped, (await LatestAsync("children"))!.Record.Wording);
        Assert.Equal(ConsentSource.StopWord, (await LatestAsync("events"))!.Record.Source);
        Assert.False((await NewsAsync())!.Granted);
        Assert.Single(_broadcasts.OptedOut);

        var none = await _bot.SendAsync(subscriptions);
        Assert.Equal(_bot.Services.GetRequiredService<BotText>().Get("News.SubscriptionsNone", locale), none[0].ToPlainText());
        Assert.Equal(BroadcastOptions.DefaultTopics.Select(t => t.Id), Question(none).Choices.Select(c => c.Id));
        Assert.Equal(locale, (await _bot.StateAsync())!.Locale);
    }

    [Fact]
    public async Task TopicPick_AfterStop_GrantsNewsAgain_ButStartAloneSignsUpForNoTopic()
    {
        await _bot.SendAsync("news");
        await _bot.ChooseAsync("events");
        // Written while "another topic?" waits: the list said STOP stops all news, so it does (not only the question).
        await _bot.SendAsync("STOP");
        Assert.False((await NewsAsync())!.Granted);

        var started = await _bot.SendAsync("START");
        Assert.True((await NewsAsync())!.Granted);
        Assert.False((await LatestAsync("events"))!.Granted);
        Assert.Equal(BroadcastOptions.DefaultTopics.Select(t => t.Id), Question(started).Choices.Select(c => c.Id));

        await _bot.SendAsync("STOP");
        await _bot.SendAsync("news");
        var joined = (await _bot.ChooseAsync("reading-clubs"))[0].ToPlainText();
        var news = (await NewsAsync())!;
        Assert.True(news.Granted);
        Assert.Equal((joined, "News.Joined@1"), (news.Record.Wording, news.Record.WordingVersion));
        Assert.True((await LatestAsync("reading-clubs"))!.Granted);
        Assert.False((await LatestAsync("events"))!.Granted);
    }

    [Theory]
    [MemberData(nameof(Interruptions))]
    public async Task AnotherRequest_WhileTheTopicsAreListed_IsAnsweredAndNothingIsRecorded(string locale, string news, string hours)
    {
        await _bot.SendAsync(news);
        var answer = await _bot.SendAsync(hours);
        Assert.NotEmpty(answer);
        Assert.DoesNotContain(answer, m => m is ChoiceQuestion q && q.Choices.Any(c => c.Id == "events"));
        Assert.Equal(locale, (await _bot.StateAsync())!.Locale);
        Assert.DoesNotContain((await _bot.StateAsync())!.DialogStack, d => d.Id == NewsSignupDialog.PickPromptId);
        Assert.Empty(await _bot.Services.GetRequiredService<IConsentLedger>().HistoryAsync(_bot.Conversation, CancellationToken.None));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    [InlineData("vi")]
    public async Task PosterText_AsksToConfirmWithAYesButton_AndRecordsTheQuestionAnswered(string locale)
    {
        var text = _bot.Services.GetRequiredService<BotText>();
        var prefilled = NewsTopicPhrases.PosterText(text, BroadcastOptions.DefaultTopics[0], locale);

        var asked = Question(await _bot.SendAsync(prefilled));
        Assert.Equal(["yes", "no"], asked.Choices.Select(c => c.Id));
        AssertNamesLibraryChannelAndStop(asked.Text, StopWord(locale));
        Assert.Contains(Name("events", locale), asked.Text, StringComparison.Ordinal);
        Assert.Null(await LatestAsync("events"));

        var yes = await _bot.ChooseAsync("yes");
        var grant = (await LatestAsync("events"))!;
        Assert.True(grant.Granted);
        Assert.Equal((asked.Text, "News.ConfirmTopic@1", locale), (grant.Record.Wording, grant.Record.WordingVersion, grant.Record.Language));
        Assert.Equal(text.Get("News.Joined", locale, Name("events", locale), Library, "WhatsApp"), yes[0].ToPlainText());
    }

    [Fact]
    public async Task PosterText_WhenDeclined_RecordsNothing()
    {
        await _bot.SendAsync("news events");
        var no = await _bot.ChooseAsync("no");
        Assert.Equal("OK, you're not signed up for Events. Write \"news\" if you change your mind.", Assert.Single(no).ToPlainText());
        Assert.Empty(await _bot.Services.GetRequiredService<IConsentLedger>().HistoryAsync(_bot.Conversation, CancellationToken.None));
    }

    [Fact]
    public async Task WeChatPosterScan_RemembersTheBranchAndAsksToConfirmThatTopic()
    {
        var follower = new ConversationRef(ChannelId.WeChat, "gh_5a4db0c0de5a", "oNewsPoster");
        var scan = _bot.NewActivity(ActivityType.Event) with
        {
            Conversation = follower,
            LocaleHint = "zh_CN",
            Event = new ChannelEvent(ChannelEventKind.Scan, "news:events:central"),
        };
        await _bot.SendAsync(scan);

        var state = (await _bot.Services.GetRequiredService<LibraryBot.Bot.Storage.IConversationStore>().LoadAsync(follower.Key, CancellationToken.None))!.State;
        Assert.Equal("central", BranchScene.Preferred(state));
        Assert.Equal(NewsSignupDialog.ConfirmPromptId, state.DialogStack[^1].Id);
        var sent = await _bot.Services.GetRequiredService<LibraryBot.Bot.Storage.IOutboxStore>().ListAsync(follower.Key, CancellationToken.None);
        var question = Assert.IsType<ChoiceQuestion>(sent[^1].Message);
        Assert.Contains("微信", question.Text, StringComparison.Ordinal);
        Assert.Contains("活动", question.Text, StringComparison.Ordinal);
        Assert.Contains(Library, question.Text, StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<IConsentLedger>().HistoryAsync(follower, CancellationToken.None));
    }

    [Fact]
    public async Task SignUp_WithTheBroadcastLedgerOfTheStore_RemembersTheChatAsASubscriber()
    {
        await using var bot = TestBot.Create();
        await bot.SendAsync("noticias");
        await bot.ChooseAsync("children");
        var subscribers = await bot.Services.GetRequiredService<IBroadcastStore>().SubscribersAsync(CancellationToken.None);
        Assert.Equal([bot.Conversation.Key], subscribers);
    }

    private static ChoiceQuestion Question(IReadOnlyList<OutboundMessage> replies) => Assert.IsType<ChoiceQuestion>(replies[^1]);

    private static string Name(string topic, string locale) => TopicNames.In(BroadcastOptions.DefaultTopics.Single(t => t.Id == topic), locale);

    private static string StopWord(string locale) => locale switch { "es" => "BAJA", "zh-Hans" => "退订", "vi" => "HỦY", _ => "STOP" };

    private static void AssertNamesLibraryChannelAndStop(string text, string stop)
    {
        Assert.Contains(Library, text, StringComparison.Ordinal);
        Assert.Contains("WhatsApp", text, StringComparison.Ordinal);
        Assert.Contains(stop, text, StringComparison.Ordinal);
    }

    private Task<ConsentEvent?> LatestAsync(string topic) =>
        _bot.Services.GetRequiredService<PatronConsent>().LatestAsync(_bot.Conversation, BroadcastOptions.Purpose(topic), CancellationToken.None);

    private Task<ConsentEvent?> NewsAsync() =>
        _bot.Services.GetRequiredService<PatronConsent>().LatestAsync(_bot.Conversation, ConsentPurposes.News, CancellationToken.None);
}
