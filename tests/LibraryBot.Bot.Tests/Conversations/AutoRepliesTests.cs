using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Tests.Conversations;

public sealed class AutoRepliesTests
{
    private static readonly Dictionary<string, string?> Parking = new()
    {
        ["AutoReplies:Rules:0:Name"] = "parking",
        ["AutoReplies:Rules:0:Keywords:en:0"] = "parking",
        ["AutoReplies:Rules:0:Keywords:es:0"] = "aparcamiento",
        ["AutoReplies:Rules:0:Keywords:zh-Hans:0"] = "停车",
        ["AutoReplies:Rules:0:Keywords:vi:0"] = "đỗ xe",
        ["AutoReplies:Rules:0:Answer:en"] = "Free parking behind Central.",
        ["AutoReplies:Rules:0:Answer:es"] = "Aparcamiento gratis detrás de Central.",
        ["AutoReplies:Rules:0:Answer:zh-Hans"] = "中央图书馆后面可免费停车。",
        ["AutoReplies:Rules:0:Answer:vi"] = "Đỗ xe miễn phí phía sau Central.",
    };

    [Theory]
    [InlineData("is there parking nearby?", "Free parking behind Central.")]
    [InlineData("附近可以停车吗", "中央图书馆后面可免费停车。")]
    [InlineData("chỗ đỗ xe ở đâu", "Đỗ xe miễn phí phía sau Central.")]
    public async Task AutoReply_WhenAConfiguredKeywordIsInTheMessage_AnswersInThePatronsLanguage(string message, string expected)
    {
        await using var bot = TestBot.Create(settings: Parking);
        var replies = await bot.SendAsync(message);
        Assert.Equal(expected, Assert.IsType<TextMessage>(replies[^1]).Text);
    }

    [Fact]
    public async Task AutoReply_WhenNoKeywordMatches_DoesNotAnswer()
    {
        await using var bot = TestBot.Create(settings: Parking);
        Assert.DoesNotContain(await bot.SendAsync("do you rent bicycles?"), m => m.ToPlainText().Contains("parking", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Options_WhenAnAnswerLacksALanguage_FailsAtStartNamingTheSection()
    {
        var settings = new Dictionary<string, string?>(Parking);
        settings.Remove("AutoReplies:Rules:0:Answer:vi");
        await using var bot = TestBot.Create(settings: settings);
        var failure = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<AutoRepliesOptions>>().Value);
        Assert.Contains("AutoReplies", failure.Message, StringComparison.Ordinal);
        Assert.Contains("needs an answer in each of en, es, zh-Hans, vi", failure.Message, StringComparison.Ordinal);
    }
}
