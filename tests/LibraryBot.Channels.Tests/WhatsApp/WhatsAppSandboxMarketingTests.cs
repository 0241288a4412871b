using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp;
using LibraryBot.Channels.WhatsApp.Sandbox;
using LibraryBot.Channels.WhatsApp.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>
/// The fake Graph API's marketing rules on a real host: Meta's per-user marketing limit (131049) and the patron's stop
/// (131050) reported as signed failed statuses after a 200, utility templates uncapped, unknown templates 132001, and the
/// marketing-preference control posting Meta's signed user_preferences webhook.
/// </summary>
public sealed class WhatsAppSandboxMarketingTests : IAsyncLifetime
{
    private WhatsAppTestHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await WhatsAppTestHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IChannelSender Sender => host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.WhatsApp);

    private static TemplateNotification News(string text) =>
        new(NotificationKind.Broadcast, new Dictionary<string, string>(), text, Template: new ExplicitTemplate("library_news", [text]));

    /// <summary>Outside the window (the patron never wrote), so the template goes.</summary>
    private Task<SendOutcome> SendAsync(string patron, OutboundMessage message, string locale = "es") => Sender.SendAsync(
        new OutboundEnvelope(1, new ConversationRef(ChannelId.WhatsApp, WhatsAppSandboxDefaults.PhoneNumberId, patron), message, locale, null, 1), Ct);

    private Task<Activity> ReceiptAsync(string messageId, DeliveryState state) =>
        host.Sink.WaitForAsync(a => a.Status?.ChannelMessageId == messageId && a.Status.State == state, Ct);

    [Fact]
    public async Task Messages_WhenSecondMarketingTemplateTheSameDay_AcceptsThenReportsFailed131049()
    {
        const string patron = "34600000001";

        var first = await SendAsync(patron, News("Cuentacuentos el sábado"));
        var second = await SendAsync(patron, News("Club de lectura el viernes"));

        Assert.Equal(SendOutcomeKind.Sent, first.Kind);
        Assert.Equal(SendOutcomeKind.Sent, second.Kind);
        Assert.StartsWith("wamid.", second.ChannelMessageId, StringComparison.Ordinal);
        await ReceiptAsync(first.ChannelMessageId!, DeliveryState.Read);
        var failed = await ReceiptAsync(second.ChannelMessageId!, DeliveryState.Failed);
        Assert.Equal("131049", failed.Status!.ErrorCode);
        Assert.DoesNotContain(host.Sink.All, a => a.Status is { } s && s.ChannelMessageId == second.ChannelMessageId && s.State != DeliveryState.Failed);
        var sent = await host.Client.GetFromJsonAsync<JsonArray>($"sandbox/whatsapp/messages?to={patron}&after=0", Ct);
        Assert.Equal([null, 131049], sent!.Select(r => (int?)r!["errorCode"]));
        Assert.Equal("es", (string?)sent![0]!["body"]!["template"]!["language"]!["code"]);
    }

    [Fact]
    public async Task Messages_WhenUtilityTemplates_AreNotCapped()
    {
        const string patron = "34600000002";
        var hold = new TemplateNotification(NotificationKind.HoldReady,
            new Dictionary<string, string> { ["name"] = "Ana", ["title"] = "Niebla", ["branch"] = "Central", ["until"] = "2 dic" }, "Tu reserva está lista");

        var marketing = await SendAsync(patron, News("Noticias"));
        var outcomes = new[] { await SendAsync(patron, hold), await SendAsync(patron, hold), await SendAsync(patron, hold) };

        await ReceiptAsync(marketing.ChannelMessageId!, DeliveryState.Read);
        foreach (var outcome in outcomes)
        {
            Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
            await ReceiptAsync(outcome.ChannelMessageId!, DeliveryState.Read);
        }

        Assert.DoesNotContain(host.Sink.All, a => a.Status?.State == DeliveryState.Failed);
    }

    [Fact]
    public async Task MarketingPreference_WhenStop_PostsSignedUserPreferencesAndLaterMarketingFails131050UntilResume()
    {
        const string patron = "34600000003";

        using var stop = await host.Client.PostAsJsonAsync("sandbox/whatsapp/marketing-preference", new { from = patron, value = "stop", name = "Lucía" }, Ct);
        var stopped = await SendAsync(patron, News("Noticias"));
        var hold = await SendAsync(patron, new TemplateNotification(NotificationKind.Generic, new Dictionary<string, string> { ["text"] = "Aviso" }, "Aviso"));

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(200, (int)(await stop.Content.ReadFromJsonAsync<JsonObject>(Ct))!["webhookStatus"]!);
        var optOut = await host.Sink.WaitForAsync(a => a.Event?.Kind == ChannelEventKind.MarketingOptOut, Ct);
        Assert.Equal(new ConversationRef(ChannelId.WhatsApp, WhatsAppSandboxDefaults.PhoneNumberId, patron), optOut.Conversation);
        Assert.Equal("marketing_messages", optOut.Event!.Value);
        Assert.Equal("131050", (await ReceiptAsync(stopped.ChannelMessageId!, DeliveryState.Failed)).Status!.ErrorCode);
        await ReceiptAsync(hold.ChannelMessageId!, DeliveryState.Read);

        using var resume = await host.Client.PostAsJsonAsync("sandbox/whatsapp/marketing-preference", new { from = patron, value = "resume" }, Ct);
        var resumed = await SendAsync(patron, News("Noticias otra vez"));

        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        await host.Sink.WaitForAsync(a => a.Event?.Kind == ChannelEventKind.MarketingOptIn && a.Conversation.UserId == patron, Ct);
        await ReceiptAsync(resumed.ChannelMessageId!, DeliveryState.Read);
    }

    [Fact]
    public async Task MarketingPreference_PostsExactlyMetasUserPreferencesShapeSignedWithTheAppSecret()
    {
        var builder = WhatsAppWebhookBuilder.UserPreference(WhatsAppSandboxDefaults.PhoneNumberId, "16505551234", "Kim", "stop", DateTimeOffset.FromUnixTimeSeconds(1731705721));
        var expected = JsonNode.Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"100000000000002","changes":[{"value":{"messaging_product":"whatsapp",
             "metadata":{"display_phone_number":"15550001234","phone_number_id":"100000000000001"},
             "contacts":[{"profile":{"name":"Kim"},"wa_id":"16505551234"}],
             "user_preferences":[{"wa_id":"16505551234","detail":"User requested to stop marketing messages","category":"marketing_messages","value":"stop","timestamp":1731705721}]},
             "field":"user_preferences"}]}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, builder), builder.ToJsonString());

        // The same bytes, signed as the poster signs them, pass our webhook's signature check; unsigned they do not.
        var body = System.Text.Encoding.UTF8.GetBytes(builder.ToJsonString());
        using var signed = await host.PostWebhookAsync(body, WhatsAppSignature.Compute(body, WhatsAppSandboxDefaults.AppSecret));
        using var unsigned = await host.PostWebhookAsync(body, null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Single(host.Sink.All, a => a.Event?.Kind == ChannelEventKind.MarketingOptOut && a.Conversation.UserId == "16505551234");
    }

    [Theory]
    [InlineData("34600000004", "pause")]
    [InlineData("+34 600", "stop")]
    public async Task MarketingPreference_WhenInvalid_Answers400AndPostsNothing(string from, string value)
    {
        using var response = await host.Client.PostAsJsonAsync("sandbox/whatsapp/marketing-preference", new { from, value }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Sink.Calls);
    }

    [Theory]
    [InlineData("summer_sale", "es", 1, 132001)]
    [InlineData("library_news", "fr", 1, 132001)]
    [InlineData("library_news", "zh_CN", 2, 132000)]
    [InlineData("librarybot_hold_ready", "en", 4, 132001)]
    public async Task Messages_WhenTemplateUnknownInThatLanguageOrParametersWrong_AnswersMetasError(string name, string code, int parameters, int error)
    {
        var texts = string.Join(",", Enumerable.Range(1, parameters).Select(i => $$"""{"type":"text","text":"p{{i}}"}"""));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sandbox/whatsapp/v24.0/{WhatsAppSandboxDefaults.PhoneNumberId}/messages")
        {
            Content = new StringContent($$$"""{"messaging_product":"whatsapp","to":"34600000005","type":"template","template":{"name":"{{{name}}}","language":{"code":"{{{code}}}"},"components":[{"type":"body","parameters":[{{{texts}}}]}]}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + WhatsAppSandboxDefaults.AccessToken);

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(error == 132001 ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!["code"]!);
        Assert.Empty(await host.Client.GetFromJsonAsync<JsonArray>("sandbox/whatsapp/messages?to=34600000005&after=0", Ct) ?? []);
    }

    [Fact]
    public async Task SendAsync_WhenTheNoticeTemplateIsConfiguredInThatLanguage_IsKnownToTheFake()
    {
        const string patron = "34600000006";
        var outcome = await SendAsync(patron, new TemplateNotification(NotificationKind.Generic, new Dictionary<string, string> { ["text"] = "Aviso" }, "Aviso"), "en");

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("en_US", (string?)(await host.Client.GetFromJsonAsync<JsonArray>($"sandbox/whatsapp/messages?to={patron}&after=0", Ct))![0]!["body"]!["template"]!["language"]!["code"]);
    }

    [Fact]
    public void Admit_CountsOneMarketingTemplatePerUtcDayAndHonoursStopUntilResume()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 23, 59, 0, TimeSpan.Zero));
        var marketing = new WhatsAppSandboxMarketing(time);

        Assert.Null(marketing.Admit("1"));
        Assert.Equal(131049, marketing.Admit("1")!.Code);
        Assert.Null(marketing.Admit("2"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(marketing.Admit("1"));
        marketing.SetPreference("2", stop: true);
        Assert.Equal(131050, marketing.Admit("2")!.Code);
        Assert.Equal(131050, marketing.Admit("2")!.Code);
        marketing.SetPreference("2", stop: false);
        Assert.Null(marketing.Admit("2"));
    }
}
