using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>The 24-hour customer-service window, end to end in the sandbox: the bot holds free-form replies, the fake Graph API refuses them.</summary>
public sealed class WhatsAppWindowTests(BotProcessFixture fixture) : IClassFixture<BotProcessFixture>
{
    [Fact]
    public async Task Reply_WhenThePatronLastWroteOver24HoursAgo_IsHeldWithAReasonAndTheFakeApiRefusesFreeForm()
    {
        var bot = fixture.Bot;
        const string patron = "34600000777";
        var wamid = "wamid.window-" + Guid.NewGuid().ToString("N");
        var old = DateTimeOffset.UtcNow.AddHours(-25).ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, (await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody(patron, "help", wamid, old))).StatusCode);

        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}' AND status = 3") >= 1),
            "the free-form reply to be held (window closed)");
        Assert.Equal(0, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}' AND status = 1"));

        var text = await SendToFakeGraphAsync(bot, new JsonObject
        {
            ["messaging_product"] = "whatsapp", ["to"] = patron, ["type"] = "text", ["text"] = new JsonObject { ["body"] = "hello" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        var error = JsonNode.Parse(await text.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        Assert.Equal(131047, (int)error["code"]!);
    }

    private static Task<HttpResponseMessage> SendToFakeGraphAsync(BotProcess bot, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/whatsapp/v24.0/{WhatsAppSandboxDefaults.PhoneNumberId}/messages")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WhatsAppSandboxDefaults.AccessToken);
        return bot.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
