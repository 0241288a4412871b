using System.Net;
using System.Text;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>The WhatsApp webhook of the real server: handshake, signature, bad bodies, repeated deliveries.</summary>
public sealed class WhatsAppWebhookTests(BotProcessFixture fixture) : IClassFixture<BotProcessFixture>
{
    // Patron messages only: delivery receipts (keyed "{wamid}:{status}") from earlier replies keep arriving meanwhile.
    private const string MessageEntries = "SELECT COUNT(*) FROM inbox WHERE dedupe_key NOT LIKE '%:%'";

    private BotProcess Bot => fixture.Bot;

    [Fact]
    public async Task Verify_WhenTokenIsRight_AnswersTheChallengeAsPlainText()
    {
        var response = await Bot.Http.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WhatsAppSandboxDefaults.VerifyToken}&hub.challenge=1158201444", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=" + WhatsAppSandboxDefaults.VerifyToken + "&hub.challenge=1")]
    [InlineData("hub.challenge=1")]
    public async Task Verify_WhenTokenOrModeIsWrong_Returns403(string query)
    {
        var response = await Bot.Http.GetAsync($"/webhooks/whatsapp?{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Post_WhenSignatureIsWrongOrMissing_Returns401AndStoresNothing(string? signature)
    {
        var wamid = "wamid.unsigned-" + Guid.NewGuid().ToString("N");
        var body = WhatsAppWebhook.TextBody("34600000001", "hello", wamid);
        var response = await WhatsAppWebhook.PostBytesAsync(Bot.Http, Encoding.UTF8.GetBytes(body), signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}'"));
    }

    [Fact]
    public async Task Post_WhenSignedWithAnotherSecret_Returns401AndStoresNothing()
    {
        var wamid = "wamid.other-secret-" + Guid.NewGuid().ToString("N");
        var body = WhatsAppWebhook.TextBody("34600000002", "hello", wamid);
        var response = await WhatsAppWebhook.PostAsync(Bot.Http, body, WhatsAppWebhook.Sign(body, "not-the-app-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}'"));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":\"not-an-array\"}")]
    [InlineData("[1,2,3]")]
    public async Task Post_WhenBodyIsMalformed_Returns400WithAMessageAndStoresNothing(string body)
    {
        var before = Bot.Scalar(MessageEntries);
        var response = await WhatsAppWebhook.PostAsync(Bot.Http, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(before, Bot.Scalar(MessageEntries));
    }

    [Fact]
    public async Task Post_WhenBodyIsTenMegabytes_Returns4xxAndStoresNothing()
    {
        var before = Bot.Scalar(MessageEntries);
        var body = WhatsAppWebhook.TextBody("34600000003", new string('x', 10 * 1024 * 1024));
        var response = await WhatsAppWebhook.PostAsync(Bot.Http, body);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, Bot.Scalar(MessageEntries));
    }

    [Fact]
    public async Task Post_WhenTheSameDeliveryArrivesThreeTimesAtOnce_RunsOneTurnAndSendsOneReply()
    {
        const string patron = "34600000004";
        var greet = WhatsAppWebhook.TextBody(patron, "hello");
        Assert.Equal(HttpStatusCode.OK, (await WhatsAppWebhook.PostAsync(Bot.Http, greet)).StatusCode);
        await Bot.WaitUntilAsync(() => Task.FromResult(Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE conversation_key LIKE '%:{patron}' AND status = 1") >= 1), "the greeting to be sent");

        var wamid = "wamid.triple-" + Guid.NewGuid().ToString("N");
        var body = WhatsAppWebhook.TextBody(patron, "help", wamid);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WhatsAppWebhook.PostAsync(Bot.Http, body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}'"));

        await Bot.WaitUntilAsync(() => Task.FromResult(Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}' AND status = 1") == 1), "the help reply to be sent");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(1, Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{wamid}'"));
        Assert.Equal(1, Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{wamid}' AND status = 1 AND payload IS NULL"));
    }
}
