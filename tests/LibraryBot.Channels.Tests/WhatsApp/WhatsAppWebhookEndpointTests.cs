using System.Net;
using System.Text;
using System.Text.Json;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppWebhookEndpointTests : IAsyncLifetime
{
    private WhatsAppTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await WhatsAppTestHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Verify_WhenTokenMatches_EchoesRawChallengeAsText()
    {
        using var response = await host.Client.GetAsync("webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.verify_token=verify-m&hub.challenge=1")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.challenge=1")]
    [InlineData("")]
    public async Task Verify_WhenTokenOrModeWrong_Returns403(string query)
    {
        using var response = await host.Client.GetAsync("webhooks/whatsapp?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Receive_WhenSignatureMissing_Returns401AndStoresNothing()
    {
        var body = await File.ReadAllBytesAsync(RepoPaths.Payload("text"), TestContext.Current.CancellationToken);
        using var response = await host.PostWebhookAsync(body, null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Receive_WhenSignatureWrong_Returns401AndStoresNothing()
    {
        var body = await File.ReadAllBytesAsync(RepoPaths.Payload("text"), TestContext.Current.CancellationToken);
        using var wrongSecret = await host.PostWebhookAsync(body, TestHmac.Sign(body, "not_the_secret"));
        using var tampered = await host.PostWebhookAsync([.. body, (byte)' '], TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Contains("X-Hub-Signature-256", await wrongSecret.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(host.Sink.Calls);
    }

    [Theory]
    [InlineData("this is not json", "not a WhatsApp webhook JSON object")]
    [InlineData("[1,2,3]", "not a WhatsApp webhook JSON object")]
    [InlineData("""{"object":"page","entry":[]}""", "whatsapp_business_account")]
    [InlineData("""{"object":"whatsapp_business_account"}""", "\"entry\" must be an array")]
    [InlineData("""{"object":"whatsapp_business_account","entry":"x"}""", "not a WhatsApp webhook JSON object")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1"},"messages":[{"from":"1","id":"wamid.1","timestamp":"yesterday","type":"text","text":{"body":"x"}}]}}]}]}""", "not a WhatsApp webhook JSON object")]
    public async Task Receive_WhenBodyMalformed_Returns400WithClearMessageAndStoresNothing(string json, string expected)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Sink.Calls);
    }

    [Theory]
    [InlineData("""{"from":"1","id":"wamid.BAD","timestamp":"1764000000"}""", "messages")]
    [InlineData("""{"from":"1","id":"wamid.BAD","timestamp":"1764000000","type":"location","location":{}}""", "messages")]
    [InlineData("""{"id":"wamid.OLD","status":"future_status","timestamp":"1764000000","recipient_id":"1"}""", "statuses")]
    public async Task Receive_WhenOneItemIsUnknownOrIncomplete_SkipsItAndStillDeliversThePatronsMessage(string item, string field)
    {
        var good = """{"from":"84912345678","id":"wamid.GOOD","timestamp":"1764000000","type":"text","text":{"body":"hello"}}""";
        var items = field == "messages" ? $"\"messages\":[{item},{good}]" : $"\"messages\":[{good}],\"statuses\":[{item}]";
        var json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"1\"}," + items + "}}]}]}";
        var body = Encoding.UTF8.GetBytes(json);
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Sink.Calls);
        var delivered = Assert.Single(call);
        Assert.Equal("wamid.GOOD", delivered.DedupeKey);
    }

    [Fact]
    public async Task Receive_WhenAFieldOrMessageTypeMetaAddsLater_SkipsItAndDeliversTheRest()
    {
        const string json = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
              {"field":"account_update","value":{"event":"FUTURE_EVENT"}},
              {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"messages":[
                {"from":"84912345678","id":"wamid.NEW","timestamp":"1764000000","type":"future_type","future_type":{"x":1}},
                {"from":"84912345678","id":"wamid.GOOD","timestamp":"1764000000","type":"text","text":{"body":"hello"}}]}}]}]}
            """;
        var body = Encoding.UTF8.GetBytes(json);
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Sink.Calls);
        Assert.Contains(call, a => a.DedupeKey == "wamid.GOOD" && a.Text == "hello");
        Assert.DoesNotContain(call, a => a.Text is not null && a.DedupeKey != "wamid.GOOD");
    }

    [Fact]
    public async Task Receive_WhenBodyOverTheCap_Returns413AndStoresNothing()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[],\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxBodyBytes", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Receive_WhenBatch_HandsEveryMessageToTheSinkInOneCall()
    {
        var body = await File.ReadAllBytesAsync(RepoPaths.Payload("batch"), TestContext.Current.CancellationToken);
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Sink.Calls);
        Assert.Equal(["wamid.BATCH00", "wamid.BATCH01", "wamid.BATCH10", "wamid.BATCH11"], call.Select(a => a.DedupeKey));
        Assert.Equal(["106540352242922", "106540352242922", "106540352242923", "106540352242923"], call.Select(a => a.Conversation.AccountId));
        Assert.Equal(["vi", "zh", "en", "en"], call.Select(a => a.LocaleHint));
        Assert.Equal("王芳", call[1].SenderName);
    }

    [Fact]
    public async Task Receive_WhenSameDeliveryRepeated_AnswersOkBothTimes()
    {
        var body = await File.ReadAllBytesAsync(RepoPaths.Payload("text"), TestContext.Current.CancellationToken);
        using var first = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        using var second = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, host.Sink.Calls.Count);
        Assert.Equal(host.Sink.Calls[0][0].DedupeKey, host.Sink.Calls[1][0].DedupeKey);
    }
}
