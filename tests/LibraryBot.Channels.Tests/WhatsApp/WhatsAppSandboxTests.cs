using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>The sandbox on a real host: our sender against the fake Graph API, signed receipts and the patron simulator.</summary>
public sealed class WhatsAppSandboxTests : IAsyncLifetime
{
    private const string Patron = "84912345678";
    private WhatsAppTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await WhatsAppTestHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task SendAsync_WhenSandbox_FakeGraphRecordsTheBodyAndPostsSignedReceipts()
    {
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.WhatsApp);
        var envelope = new OutboundEnvelope(7, new ConversationRef(ChannelId.WhatsApp, WhatsAppSandboxDefaults.PhoneNumberId, Patron),
            new ChoiceQuestion("Renew?", [new("yes", "Yes"), new("no", "No")]), "vi", DateTimeOffset.UtcNow.AddMinutes(-1), 1);

        var outcome = await sender.SendAsync(envelope, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.StartsWith("wamid.", outcome.ChannelMessageId, StringComparison.Ordinal);
        var sent = await host.Client.GetFromJsonAsync<JsonArray>($"sandbox/whatsapp/messages?to={Patron}&after=0", TestContext.Current.CancellationToken);
        var record = Assert.Single(sent!);
        Assert.Equal(outcome.ChannelMessageId, (string?)record!["id"]);
        Assert.Equal("button", (string?)record["body"]!["interactive"]!["type"]);
        var read = await host.Sink.WaitForAsync(a => a.DedupeKey == $"{outcome.ChannelMessageId}:read", TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryState.Read, read.Status!.State);
        Assert.Empty(await host.Client.GetFromJsonAsync<JsonArray>($"sandbox/whatsapp/messages?to={Patron}&after={(long)record["seq"]!}", TestContext.Current.CancellationToken) ?? []);
    }

    [Fact]
    public async Task Messages_WhenBodyBreaksMetasLimits_AnswersMetasErrorShape()
    {
        var body = """{"messaging_product":"whatsapp","to":"1","type":"interactive","interactive":{"type":"list","body":{"text":"b"},"action":{"button":"Go","sections":[{"rows":[{"id":"a","title":"A title of twenty-five!!!"}]}]}}}""";
        using var response = await PostGraphAsync(body, "Bearer " + WhatsAppSandboxDefaults.AccessToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["error"]!;
        Assert.Equal(131009, (int)error["code"]!);
        Assert.Contains("Row title", (string?)error["error_data"]!["details"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_WhenMessagingProductMissing_Answers100()
    {
        using var response = await PostGraphAsync("""{"to":"1","type":"text","text":{"body":"hi"}}""", "Bearer " + WhatsAppSandboxDefaults.AccessToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["error"]!["code"]!);
    }

    [Fact]
    public async Task Messages_WhenTokenWrong_Answers401With190()
    {
        using var response = await PostGraphAsync("""{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"hi"}}""", "Bearer nope");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(190, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["error"]!["code"]!);
    }

    [Fact]
    public async Task Simulate_WhenText_PostsASignedWebhookThatReachesTheSink()
    {
        using var response = await host.Client.PostAsJsonAsync("sandbox/whatsapp/simulate", new { from = Patron, name = "Minh", text = "Xin chào" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"];
        var activity = Assert.Single(host.Sink.All);
        Assert.Equal(id, activity.DedupeKey);
        Assert.Equal("Xin chào", activity.Text);
        Assert.Equal("Minh", activity.SenderName);
        Assert.Equal("vi", activity.LocaleHint);
        Assert.Equal(new ConversationRef(ChannelId.WhatsApp, WhatsAppSandboxDefaults.PhoneNumberId, Patron), activity.Conversation);
    }

    [Fact]
    public async Task Simulate_WhenChoiceAndLocation_MapsChoiceReplyAndLocation()
    {
        using var choice = await host.Client.PostAsJsonAsync("sandbox/whatsapp/simulate", new { from = Patron, name = "Minh", choiceId = "renew_1", choiceTitle = "Renew" }, TestContext.Current.CancellationToken);
        using var place = await host.Client.PostAsJsonAsync("sandbox/whatsapp/simulate", new { from = Patron, name = "Minh", latitude = 21.0285, longitude = 105.8542 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, choice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, place.StatusCode);
        Assert.Equal("renew_1", host.Sink.All[0].ChoiceId);
        Assert.Equal(ActivityType.ChoiceReply, host.Sink.All[0].Type);
        Assert.Equal(21.0285, host.Sink.All[1].Location!.Latitude, 6);
    }

    [Fact]
    public async Task Simulate_WhenFromIsNotDigits_Answers400()
    {
        using var response = await host.Client.PostAsJsonAsync("sandbox/whatsapp/simulate", new { from = "+34 612", text = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    private async Task<HttpResponseMessage> PostGraphAsync(string body, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sandbox/whatsapp/v24.0/{WhatsAppSandboxDefaults.PhoneNumberId}/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
