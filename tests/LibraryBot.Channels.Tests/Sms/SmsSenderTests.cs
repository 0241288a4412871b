using System.Net;
using System.Text;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Sms;
using LibraryBot.Channels.Sms.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary>The real SMS registration (sandbox off, real-looking Twilio account) with api.twilio.com replaced by <see cref="FakeTwilioHandler"/>.</summary>
public sealed class SmsSenderTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string Library = "+15557654321";
    private const string Patron = "+34612345678";
    private readonly IHost host;

    public SmsSenderTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Channels:Sms:Provider"] = "Twilio",
            ["Channels:Sms:AccountSid"] = AccountSid,
            ["Channels:Sms:AuthToken"] = AuthToken,
            ["Channels:Sms:From"] = Library,
            ["Channels:Sms:ApiBaseUrl"] = "https://api.twilio.test",
            ["Channels:Sms:WebhookBaseUrl"] = "https://bot.library.example",
        });
        builder.Services.AddLogging(l => l.ClearProviders());
        builder.AddSmsChannel();
        builder.Services.AddHttpClient(SmsRegistration.TwilioHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Twilio);
        host = builder.Build();
    }

    private FakeTwilioHandler Twilio { get; } = new();

    private IChannelSender Sender => host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.Sms);

    [Fact]
    public async Task SendAsync_SpeaksTwiliosWireFormat_FormEncodedWithBasicAuthAndStatusCallback()
    {
        Twilio.Created();
        var outcome = await SendAsync(new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string>(), "Pepita Jiménez is ready at Central Library."));

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var (uri, authorization, contentType, form) = Assert.Single(Twilio.Requests);
        Assert.Equal($"https://api.twilio.test/2010-04-01/Accounts/{AccountSid}/Messages.json", uri.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), authorization);
        Assert.Equal("application/x-www-form-urlencoded", contentType);
        Assert.Equal(Patron, form["To"]);
        Assert.Equal(Library, form["From"]);
        Assert.Equal("Pepita Jiménez is ready at Central Library.", form["Body"]);
        Assert.Equal("https://bot.library.example/webhooks/sms/status", form["StatusCallback"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task SendAsync_WhenRecordCard_SendsEssentialsLinkAndNumberedActions()
    {
        Twilio.Created();
        await SendAsync(new RecordCard("Truyện Kiều", "Nguyễn Du", "1820", "Available at Central", [new("hold:9", "Place a hold")], "https://opac.example/9"));
        Assert.Equal("Truyện Kiều\nNguyễn Du (1820)\nAvailable at Central\nhttps://opac.example/9\n1. Place a hold", Twilio.Requests[0].Form["Body"]);
    }

    [Theory]
    [InlineData(21610, SendOutcomeKind.Failed, RecipientEffect.OptedOutOfChannel)]
    [InlineData(21211, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(21614, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(30003, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(30005, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(30006, SendOutcomeKind.Failed, RecipientEffect.Unreachable)]
    [InlineData(21606, SendOutcomeKind.Failed, RecipientEffect.None)]
    [InlineData(21617, SendOutcomeKind.Failed, RecipientEffect.None)]
    public async Task SendAsync_WhenTwilioAnswers400WithACode_MapsIt(int code, SendOutcomeKind kind, RecipientEffect effect)
    {
        Twilio.Error(code);
        var outcome = await SendAsync(new TextMessage("hi"));
        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(effect, outcome.Effect);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErrorCode);
        Assert.DoesNotContain("612345678", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenCredentialsRefused_FailsWithAChannelAlert()
    {
        Twilio.Error(20003, HttpStatusCode.Unauthorized, "Authenticate");
        var outcome = await SendAsync(new TextMessage("hi"));
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(RecipientEffect.ChannelAlert, outcome.Effect);
    }

    [Theory]
    [InlineData(20429, HttpStatusCode.TooManyRequests)]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    [InlineData(20500, HttpStatusCode.InternalServerError)]
    [InlineData(null, HttpStatusCode.ServiceUnavailable)]
    public async Task SendAsync_WhenThrottledOrTwilioFails_RetriesLater(int? code, HttpStatusCode status)
    {
        if (code is { } c)
        {
            Twilio.Error(c, status);
        }
        else
        {
            Twilio.Raw(status, "<html>upstream unavailable</html>");
        }

        Assert.Equal(SendOutcomeKind.RetryLater, (await SendAsync(new TextMessage("hi"))).Kind);
    }

    [Fact]
    public async Task SendAsync_WhenTwilioCannotBeReached_RetriesLater()
    {
        Twilio.Throw();
        Assert.Equal(SendOutcomeKind.RetryLater, (await SendAsync(new TextMessage("hi"))).Kind);
    }

    [Fact]
    public async Task SendAsync_WhenTheCreatedMessageIsAlreadyFailed_MapsItsErrorCode()
    {
        Twilio.Created("failed", 30006);
        var outcome = await SendAsync(new TextMessage("hi"));
        Assert.Equal(RecipientEffect.Unreachable, outcome.Effect);
    }

    [Fact]
    public async Task SendAsync_WhenASecondPartFails_StopsAndReportsIt()
    {
        Twilio.Created().Error(21610);
        var outcome = await SendAsync(new TextMessage(string.Join(' ', Enumerable.Range(1, 400).Select(i => $"word{i}"))));
        Assert.Equal(2, Twilio.Requests.Count);
        Assert.Equal("21610", outcome.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_WhenTheMessageHasNoText_FailsWithoutCallingTwilio()
    {
        var outcome = await SendAsync(new TextMessage("   "));
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Empty(Twilio.Requests);
    }

    [Fact]
    public void DeliveryFailureClassifier_UsesTheSameMap()
    {
        var classifier = host.Services.GetServices<IDeliveryFailureClassifier>().Single(c => c.Channel == ChannelId.Sms);
        Assert.Equal(RecipientEffect.Unreachable, classifier.Classify(new DeliveryStatus("SM1", DeliveryState.Failed, "30003")).Effect);
        Assert.Equal(RecipientEffect.OptedOutOfChannel, classifier.Classify(new DeliveryStatus("SM1", DeliveryState.Failed, "21610")).Effect);
    }

    [Fact]
    public void Conversations_NormalizeTypedNumbersAndStartConversationsOnTheLibrarysNumber()
    {
        var conversations = host.Services.GetRequiredService<SmsConversations>();
        Assert.True(conversations.Enabled);
        Assert.True(conversations.TryNormalize("(415) 555-2671", out var e164));
        Assert.Equal("+14155552671", e164);
        Assert.Equal(new ConversationRef(ChannelId.Sms, Library, e164), conversations.With(e164));
    }

    [Fact]
    public void ErrorMap_WhenNoCodeAndAClientError_FailsWithoutEffect() =>
        Assert.Equal(new SendOutcome(SendOutcomeKind.Failed, Reason: "Twilio error (none) (HTTP 400): no message"), SmsErrorMap.ToOutcome(null, null, 400));

    public void Dispose() => host.Dispose();

    private Task<SendOutcome> SendAsync(OutboundMessage message) =>
        Sender.SendAsync(new OutboundEnvelope(42, new ConversationRef(ChannelId.Sms, Library, Patron), message, "en", null, 1), TestContext.Current.CancellationToken);
}
