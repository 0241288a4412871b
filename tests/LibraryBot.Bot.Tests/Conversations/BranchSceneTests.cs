using System.Net;
using System.Net.Http.Json;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Following through a branch's QR code (qrscene_&lt;branch&gt;) remembers that branch for the patron.</summary>
public sealed class BranchSceneTests(BotProcessFixture fixture) : IClassFixture<BotProcessFixture>
{
    [Theory]
    [InlineData("qrscene_riverside", "\"branch.preferred\":\"riverside\"")]
    [InlineData("qrscene_poster-42", null)]
    public async Task Follow_WhenTheQrSceneNamesABranch_RemembersItAndStillWelcomes(string eventKey, string? expected)
    {
        var bot = fixture.Bot;
        var openId = "oScene" + Guid.NewGuid().ToString("N")[..12];
        var response = await bot.Http.PostAsJsonAsync("/sandbox/wechat/simulate",
            new { openId, @event = "subscribe", eventKey, mode = "plain" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar($"SELECT COUNT(*) FROM conversations WHERE conversation_key LIKE '%:{openId}'") == 1), "the follow to be processed");
        var hasPreferred = bot.Scalar($"SELECT COUNT(*) FROM conversations WHERE conversation_key LIKE '%:{openId}' AND instr(state_json, '\"branch.preferred\"') > 0");
        if (expected is null)
        {
            Assert.Equal(0, hasPreferred);
        }
        else
        {
            Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM conversations WHERE conversation_key LIKE '%:{openId}' AND instr(state_json, '{expected}') > 0"));
        }

        Assert.Equal(1, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE conversation_key LIKE '%:{openId}' AND message LIKE '%你好%'")
            + bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE conversation_key LIKE '%:{openId}' AND message LIKE '%Hello%'"));
    }
}
