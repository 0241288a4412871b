using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary>
/// The SMS sender through the real Refit client against the sandbox's fake Twilio on a real host: what it records,
/// the signed status callbacks that come back, Twilio's checks (auth, numbers, sizes) and STOP/START (21610).
/// </summary>
public sealed class SmsSandboxTests : IAsyncLifetime
{
    private const string Patron = "+15551230003";
    private SmsTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await SmsTestHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_WhenText_FakeTwilioRecordsItAndPostsSignedSentThenDeliveredCallbacks()
    {
        var outcome = await host.Sender.SendAsync(SmsTestHost.Envelope(Patron, new TextMessage("Your book is ready at Central Library.")), Ct);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Matches("^SM[0-9a-f]{32}$", outcome.ChannelMessageId);
        var record = Assert.Single(await SentAsync(Patron))!;
        Assert.Equal(outcome.ChannelMessageId, (string?)record["id"]);
        Assert.Equal("Your book is ready at Central Library.", (string?)record["body"]!["body"]);
        Assert.Equal(SmsSandboxDefaults.From, (string?)record["body"]!["from"]);
        var sent = await host.Sink.WaitForAsync(a => a.DedupeKey == outcome.ChannelMessageId + ":sent", Ct);
        var delivered = await host.Sink.WaitForAsync(a => a.DedupeKey == outcome.ChannelMessageId + ":delivered", Ct);
        Assert.Equal(DeliveryState.Sent, sent.Status!.State);
        Assert.Equal(DeliveryState.Delivered, delivered.Status!.State);
        Assert.Equal(new ConversationRef(ChannelId.Sms, SmsSandboxDefaults.From, Patron), delivered.Conversation);
    }

    [Fact]
    public async Task SendAsync_WhenChoiceQuestion_SendsNumberedLines()
    {
        var question = new ChoiceQuestion("Which one?", [new("a", "Renew"), new("b", "Cancel hold", "Moby-Dick")], Header: "Your account", Footer: "Reply with a number.");
        Assert.Equal(SendOutcomeKind.Sent, (await host.Sender.SendAsync(SmsTestHost.Envelope(Patron, question), Ct)).Kind);
        Assert.Equal("Your account\nWhich one?\n1. Renew\n2. Cancel hold – Moby-Dick\nReply with a number.", (string?)Assert.Single(await SentAsync(Patron))!["body"]!["body"]);
    }

    [Fact]
    public async Task SendAsync_WhenLongerThan1600Characters_SendsSeveralMessagesInOrder()
    {
        var text = string.Join(' ', Enumerable.Range(1, 700).Select(i => $"w{i}"));
        var outcome = await host.Sender.SendAsync(SmsTestHost.Envelope(Patron, new TextMessage(text)), Ct);
        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var bodies = (await SentAsync(Patron)).Select(r => (string)r!["body"]!["body"]!).ToList();
        Assert.True(bodies.Count >= 3, $"{bodies.Count} messages");
        Assert.All(bodies, b => Assert.InRange(b.Length, 1, 1600));
        Assert.Equal(text, string.Join(' ', bodies));
        Assert.Equal(outcome.ChannelMessageId, (string?)(await SentAsync(Patron)).Last()!["id"]);
    }

    [Fact]
    public async Task SendAsync_WhenPatronTextedStop_Fails21610AsChannelOptOut_UntilTheyTextStart()
    {
        using (var stop = await host.Client.PostAsJsonAsync("sandbox/sms/simulate", new { from = Patron, text = " stop " }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        Assert.Equal(" stop ", Assert.Single(host.Sink.All).Text);
        var refused = await host.Sender.SendAsync(SmsTestHost.Envelope(Patron, new TextMessage("Your hold is ready.")), Ct);
        Assert.Equal(SendOutcomeKind.Failed, refused.Kind);
        Assert.Equal("21610", refused.ErrorCode);
        Assert.Equal(RecipientEffect.OptedOutOfChannel, refused.Effect);
        Assert.DoesNotContain(Patron, refused.Reason, StringComparison.Ordinal);
        var automatic = Assert.Single(await SentAsync(Patron))!;
        Assert.True((bool)automatic["body"]!["automatic"]!);

        using (var start = await host.Client.PostAsJsonAsync("sandbox/sms/simulate", new { from = Patron, text = "START" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        Assert.Equal(SendOutcomeKind.Sent, (await host.Sender.SendAsync(SmsTestHost.Envelope(Patron, new TextMessage("Your hold is ready.")), Ct)).Kind);
    }

    [Fact]
    public async Task SendAsync_WhenTheConversationIsOnANumberNotOurs_FailsWith21606()
    {
        var envelope = SmsTestHost.Envelope(Patron, new TextMessage("hi")) with { To = new ConversationRef(ChannelId.Sms, "+15559999999", Patron) };
        var outcome = await host.Sender.SendAsync(envelope, Ct);
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("21606", outcome.ErrorCode);
    }

    [Fact]
    public async Task FakeApi_WhenCredentialsWrong_Answers401WithTwilios20003Json()
    {
        using var response = await PostApiAsync(SmsSandboxDefaults.AccountSid, "wrong-token", [new("To", Patron), new("From", SmsSandboxDefaults.From), new("Body", "hi")]);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(20003, (int)error!["code"]!);
        Assert.Equal(401, (int)error["status"]!);
        Assert.Equal("https://www.twilio.com/docs/errors/20003", (string?)error["more_info"]);
        Assert.Empty(await SentAsync(Patron));
    }

    [Theory]
    [InlineData(null, SmsSandboxDefaults.From, "hi", 21604)]
    [InlineData("0612345678", SmsSandboxDefaults.From, "hi", 21211)]
    [InlineData(Patron, null, "hi", 21603)]
    [InlineData(Patron, "+15550009999", "hi", 21606)]
    [InlineData(Patron, SmsSandboxDefaults.From, null, 21602)]
    public async Task FakeApi_WhenAParameterIsMissingOrInvalid_Answers400WithTwiliosCode(string? to, string? from, string? body, int code)
    {
        var form = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in new[] { ("To", to), ("From", from), ("Body", body) })
        {
            if (value is not null)
            {
                form.Add(new(name, value));
            }
        }

        using var response = await PostApiAsync(SmsSandboxDefaults.AccountSid, SmsSandboxDefaults.AuthToken, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!);
    }

    [Fact]
    public async Task FakeApi_WhenBodyOver1600_Answers21617()
    {
        using var response = await PostApiAsync(SmsSandboxDefaults.AccountSid, SmsSandboxDefaults.AuthToken,
            [new("To", Patron), new("From", SmsSandboxDefaults.From), new("Body", new string('a', 1601))]);
        Assert.Equal(21617, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!);
    }

    [Fact]
    public async Task FakeApi_WhenAccepted_Answers201WithTwiliosMessageJson()
    {
        using var response = await PostApiAsync(SmsSandboxDefaults.AccountSid, SmsSandboxDefaults.AuthToken,
            [new("To", Patron), new("From", SmsSandboxDefaults.From), new("Body", "Hola, ¿qué tal?")]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("queued", (string?)message!["status"]);
        Assert.Equal(Patron, (string?)message["to"]);
        Assert.Equal("outbound-api", (string?)message["direction"]);
        Assert.Null(message["error_code"]);
        Assert.Matches("^SM[0-9a-f]{32}$", (string?)message["sid"]);
    }

    [Fact]
    public async Task Simulate_WhenFromIsNotE164_Answers400AndPostsNothing()
    {
        using var response = await host.Client.PostAsJsonAsync("sandbox/sms/simulate", new { from = "15551230003", text = "hi" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Simulate_WhenText_ReachesTheSinkThroughTheSignedWebhook()
    {
        using var response = await host.Client.PostAsJsonAsync("sandbox/sms/simulate", new { from = Patron, text = "my loans" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"];
        var activity = Assert.Single(host.Sink.All);
        Assert.Equal(id, activity.DedupeKey);
        Assert.Equal("my loans", activity.Text);
        Assert.Equal(ActivityType.Message, activity.Type);
    }

    private async Task<JsonArray> SentAsync(string to) =>
        (await host.Client.GetFromJsonAsync<JsonArray>($"sandbox/sms/messages?to={Uri.EscapeDataString(to)}&after=0", Ct))!;

    private async Task<HttpResponseMessage> PostApiAsync(string accountSid, string token, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages.json") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{token}")));
        return await host.Client.SendAsync(request, Ct);
    }
}
