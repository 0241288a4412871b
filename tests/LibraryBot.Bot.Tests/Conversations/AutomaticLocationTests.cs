using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>WeChat's automatic LOCATION reports (no passive-reply window) are not patron messages.</summary>
public sealed class AutomaticLocationTests
{
    [Fact]
    public async Task Location_WhenWeChatReportsItOnItsOwn_AnswersNothingAndKeepsTheWaitingQuestion()
    {
        await using var bot = TestBot.Create();
        var follower = new ConversationRef(ChannelId.WeChat, "gh_5a4db0c0de5a", "oAutoLocation");
        var menu = bot.NewActivity(ActivityType.Message) with { Conversation = follower, Text = "menu", AwaitingReplyUntil = bot.Clock.GetUtcNow().AddSeconds(4) };
        await bot.SendAsync(menu);
        var before = await OutboxAsync(bot, follower);

        await bot.SendAsync(bot.NewActivity(ActivityType.Location) with { Conversation = follower, Location = new GeoLocation(37.79, -122.27) });

        Assert.Equal(before, await OutboxAsync(bot, follower));
        var state = (await bot.Services.GetRequiredService<IConversationStore>().LoadAsync(follower.Key, CancellationToken.None))!.State;
        Assert.Equal("menu.choice", state.DialogStack[^1].Id);
        Assert.Equal(0, state.MisunderstoodInARow);
    }

    private static async Task<int> OutboxAsync(TestBot bot, ConversationRef conversation) =>
        (await bot.Services.GetRequiredService<IOutboxStore>().ListAsync(conversation.Key, CancellationToken.None)).Count;
}
