using LibraryBot.Bot.Conversations.News;

namespace LibraryBot.Bot.Tests.Conversations.News;

/// <summary>The scenes of news posters' WeChat QR codes and the WhatsApp links' address.</summary>
public sealed class NewsSceneTests
{
    [Theory]
    [InlineData("news:events", "events", null)]
    [InlineData("news:events:central", "events", "central")]
    [InlineData("NEWS:new-books:jade-street", "new-books", "jade-street")]
    public void TryParse_WhenTheSceneIsANewsPoster_GivesTopicAndBranch(string scene, string topic, string? branch)
    {
        Assert.True(NewsScene.TryParse(scene, out var parsed));
        Assert.Equal((topic, branch), (parsed.TopicId, parsed.BranchId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("central")]
    [InlineData("news:")]
    [InlineData("newsletter")]
    public void TryParse_WhenTheSceneIsNoNewsPoster_Refuses(string? scene) =>
        Assert.False(NewsScene.TryParse(scene, out _));

    [Fact]
    public void ToString_IsTheSceneParsed() =>
        Assert.Equal("news:events:central", new NewsScene("events", "central").ToString());

    [Fact]
    public void WhatsAppUrl_EncodesThePrefilledText() =>
        Assert.Equal("https://wa.me/15550100001?text=tin%20t%E1%BB%A9c%20s%E1%BB%B1%20ki%E1%BB%87n", NewsSignupLinks.WhatsAppUrl("15550100001", "tin tức sự kiện"));
}
