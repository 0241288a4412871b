using System.Net;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary><c>POST /webhooks/sms</c> and <c>/webhooks/sms/status</c> on a real host: signature first, then the sink.</summary>
public sealed class SmsWebhookTests : IAsyncLifetime
{
    private const string Patron = "+34612345678";
    private SmsTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await SmsTestHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Inbound_WhenSigned_StoresAMessageActivityAndAnswersEmptyTwiml()
    {
        using var response = await host.PostFormAsync("/webhooks/sms", SmsTestHost.InboundForm(Patron, "Renueva todo, porfa", "SM00000000000000000000000000000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response/>""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var activity = Assert.Single(host.Sink.All);
        Assert.Equal(ActivityType.Message, activity.Type);
        Assert.Equal(new ConversationRef(ChannelId.Sms, SmsSandboxDefaults.From, Patron), activity.Conversation);
        Assert.Equal("sms:+15550001234:+34612345678", activity.Conversation.Key);
        Assert.Equal("SM00000000000000000000000000000001", activity.DedupeKey);
        Assert.Equal("Renueva todo, porfa", activity.Text);
        Assert.Equal("es", activity.LocaleHint);
    }

    [Fact]
    public async Task Inbound_WhenDeliveredTwice_IsStoredOnce()
    {
        var form = SmsTestHost.InboundForm(Patron, "RA", "SM00000000000000000000000000000002");
        using var first = await host.PostFormAsync("/webhooks/sms", form);
        using var second = await host.PostFormAsync("/webhooks/sms", form);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, host.Sink.Calls.Count);
        Assert.Single(host.Sink.All.Select(a => a.DedupeKey).Distinct());
    }

    [Fact]
    public async Task Inbound_WhenMms_StoresAMediaActivityWithItsCaption()
    {
        var form = SmsTestHost.InboundForm(Patron, "is this the right book?", "SM00000000000000000000000000000003");
        form.RemoveAll(p => p.Key == "NumMedia");
        form.AddRange([new("NumMedia", "1"), new("MediaContentType0", "image/jpeg"), new("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]);
        using var response = await host.PostFormAsync("/webhooks/sms", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(host.Sink.All);
        Assert.Equal(ActivityType.Media, activity.Type);
        Assert.Equal(MediaKind.Image, activity.Media!.Kind);
        Assert.Equal("is this the right book?", activity.Media.Caption);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    public async Task Inbound_WhenSignatureMissingOrWrong_Answers401AndStoresNothing(string? signature)
    {
        using var response = await host.PostFormAsync("/webhooks/sms", SmsTestHost.InboundForm(Patron, "hello", "SM00000000000000000000000000000004"), signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Inbound_WhenSignedWithAnotherTokenOrForAnotherUrl_Answers401AndStoresNothing()
    {
        var form = SmsTestHost.InboundForm(Patron, "hello", "SM00000000000000000000000000000005");
        using var otherToken = await host.PostFormAsync("/webhooks/sms", form, authToken: "not-the-token");
        using var otherUrl = await host.PostFormAsync("/webhooks/sms", form, signedUrl: "https://elsewhere.example/webhooks/sms");
        Assert.Equal(HttpStatusCode.Unauthorized, otherToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherUrl.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Inbound_WhenABodyParameterIsChangedAfterSigning_Answers401()
    {
        var form = SmsTestHost.InboundForm(Patron, "hello", "SM00000000000000000000000000000006");
        var signature = LibraryBot.Channels.Sms.Webhooks.TwilioSignature.Compute(new Uri(host.BaseAddress, "/webhooks/sms").ToString(), form, SmsSandboxDefaults.AuthToken);
        form[form.FindIndex(p => p.Key == "Body")] = new("Body", "STOP");
        using var response = await host.PostFormAsync("/webhooks/sms", form, signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Inbound_WhenSignedButFromIsNotE164_Answers400AndStoresNothing()
    {
        using var response = await host.PostFormAsync("/webhooks/sms", SmsTestHost.InboundForm("whatsapp:+34612345678", "hola", "SM00000000000000000000000000000007"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Inbound_WhenBodyLargerThanTheLimit_Answers413AndStoresNothing()
    {
        using var response = await host.PostFormAsync("/webhooks/sms", SmsTestHost.InboundForm(Patron, new string('x', 70 * 1024), "SM00000000000000000000000000000008"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Theory]
    [InlineData("sent", DeliveryState.Sent, null)]
    [InlineData("delivered", DeliveryState.Delivered, null)]
    [InlineData("read", DeliveryState.Read, null)]
    [InlineData("undelivered", DeliveryState.Failed, "30003")]
    [InlineData("failed", DeliveryState.Failed, "30006")]
    public async Task Status_WhenSigned_MapsToADeliveryStatus(string status, DeliveryState state, string? errorCode)
    {
        const string sid = "SM0000000000000000000000000000aaaa";
        using var response = await host.PostFormAsync("/webhooks/sms/status", SmsTestHost.StatusForm(Patron, sid, status, errorCode));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(host.Sink.All);
        Assert.Equal(ActivityType.DeliveryStatus, activity.Type);
        Assert.Equal($"{sid}:{status}", activity.DedupeKey);
        Assert.Equal(new ConversationRef(ChannelId.Sms, SmsSandboxDefaults.From, Patron), activity.Conversation);
        Assert.Equal(new DeliveryStatus(sid, state, errorCode, activity.Status!.ErrorMessage), activity.Status);
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("sending")]
    [InlineData("accepted")]
    [InlineData("exploded")]
    public async Task Status_WhenIntermediateOrUnknown_IsAcknowledgedAndSkipped(string status)
    {
        using var response = await host.PostFormAsync("/webhooks/sms/status", SmsTestHost.StatusForm(Patron, "SM0000000000000000000000000000bbbb", status));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Fact]
    public async Task Status_WhenSignatureWrong_Answers401AndStoresNothing()
    {
        using var response = await host.PostFormAsync("/webhooks/sms/status", SmsTestHost.StatusForm(Patron, "SM0000000000000000000000000000cccc", "delivered"), "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }
}

/// <summary>Behind a proxy: the signature covers the public URL Twilio was given (<c>Channels:Sms:WebhookBaseUrl</c>).</summary>
public sealed class SmsWebhookBehindProxyTests : IAsyncLifetime
{
    private const string PublicBase = "https://bot.library.example/chat";
    private SmsTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await SmsTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Sandbox:Enabled"] = "true",
        ["Channels:Sms:WebhookBaseUrl"] = PublicBase + "/",
    });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Inbound_WhenSignedForThePublicUrl_IsAccepted_AndForTheInternalUrlRefused()
    {
        var form = SmsTestHost.InboundForm("+15551230001", "HL", "SM0000000000000000000000000000dddd");
        using var internalUrl = await host.PostFormAsync("/webhooks/sms", form);
        Assert.Equal(HttpStatusCode.Unauthorized, internalUrl.StatusCode);
        using var publicUrl = await host.PostFormAsync("/webhooks/sms", form, signedUrl: PublicBase + "/webhooks/sms");
        Assert.Equal(HttpStatusCode.OK, publicUrl.StatusCode);
        Assert.Equal("HL", Assert.Single(host.Sink.All).Text);
    }

    [Fact]
    public async Task Sandbox_WhenWebhookBaseUrlIsSet_SignsCallbacksForThePublicUrlAndDeliversThemHere()
    {
        var outcome = await host.Sender.SendAsync(SmsTestHost.Envelope("+15551230002", new Outbound.TextMessage("Your hold is ready.")), TestContext.Current.CancellationToken);
        Assert.Equal(Abstractions.SendOutcomeKind.Sent, outcome.Kind);
        var delivered = await host.Sink.WaitForAsync(a => a.DedupeKey == outcome.ChannelMessageId + ":delivered", TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryState.Delivered, delivered.Status!.State);
    }
}
