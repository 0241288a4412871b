using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>A broadcast's explicit marketing template: sent outside the 24-hour window, free text inside it, refused when not approved.</summary>
public sealed class WhatsAppMarketingTemplateTests
{
    private static readonly Dictionary<string, string?> Marketing = new()
    {
        ["Channels:WhatsApp:MarketingTemplates:0:Name"] = "library_news",
        ["Channels:WhatsApp:MarketingTemplates:0:Languages:0"] = "en",
        ["Channels:WhatsApp:MarketingTemplates:0:Languages:1"] = "es",
        ["Channels:WhatsApp:MarketingTemplates:0:Languages:2"] = "zh",
        ["Channels:WhatsApp:MarketingTemplates:0:Languages:3"] = "vi",
        ["Channels:WhatsApp:MarketingTemplates:0:BodyParameters"] = "1",
        ["Channels:WhatsApp:MarketingTemplates:1:Name"] = "reading_club",
        ["Channels:WhatsApp:MarketingTemplates:1:Languages:0"] = "es",
        ["Channels:WhatsApp:MarketingTemplates:1:Languages:1"] = "en",
        ["Channels:WhatsApp:MarketingTemplates:1:BodyParameters"] = "2",
    };

    private static TemplateNotification Broadcast(string name, params string[] parameters) => new(
        NotificationKind.Broadcast, new Dictionary<string, string>(), "新书到馆：《三体》\n回复 STOP 退订", Template: new ExplicitTemplate(name, parameters));

    [Theory]
    [InlineData("zh-Hans", "zh_CN")]
    [InlineData("es", "es")]
    [InlineData("vi", "vi")]
    [InlineData("en", "en")]
    public async Task SendAsync_WhenOutsideWindow_SendsTheMarketingTemplateInThePatronsLanguage(string locale, string code)
    {
        using var harness = new SenderHarness(Marketing);
        harness.Graph.Success();

        var outcome = await harness.SendAsync(Broadcast("library_news", "New books:\nThe Three-Body Problem"), TimeSpan.FromHours(30), locale);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var body = Assert.Single(harness.Graph.Requests).Body;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{SenderHarness.Patron}}}","type":"template","template":{"name":"library_news","language":{"code":"{{{code}}}","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","text":"New books: The Three-Body Problem"}]}]}}"""),
            body), body.ToJsonString());
    }

    [Fact]
    public async Task SendAsync_WhenPatronsLanguageIsNotApproved_FallsBackToEnglish()
    {
        using var harness = new SenderHarness(Marketing);
        harness.Graph.Success();

        await harness.SendAsync(Broadcast("reading_club", "Club", "Friday"), TimeSpan.FromHours(30), "vi");

        Assert.Equal("en", (string?)harness.Graph.Requests[0].Body["template"]!["language"]!["code"]);
        Assert.Equal(2, harness.Graph.Requests[0].Body["template"]!["components"]![0]!["parameters"]!.AsArray().Count);
    }

    [Fact]
    public async Task SendAsync_WhenInsideWindow_SendsTheFreeText()
    {
        using var harness = new SenderHarness(Marketing);
        harness.Graph.Success();

        var outcome = await harness.SendAsync(Broadcast("library_news", "ignored"), TimeSpan.FromHours(2), "zh-Hans");

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var body = Assert.Single(harness.Graph.Requests).Body;
        Assert.Equal("text", (string?)body["type"]);
        Assert.Equal("新书到馆：《三体》\n回复 STOP 退订", (string?)body["text"]!["body"]);
    }

    [Fact]
    public async Task SendAsync_WhenMetaAnswers131047InsideTheWindow_SwitchesToTheMarketingTemplate()
    {
        using var harness = new SenderHarness(Marketing);
        harness.Graph.Error(131047).Success();

        var outcome = await harness.SendAsync(Broadcast("library_news", "News"), TimeSpan.FromHours(2), "es");

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("library_news", (string?)harness.Graph.Requests[1].Body["template"]!["name"]);
    }

    [Theory]
    [InlineData("summer_sale", 1, "not an approved WhatsApp marketing template")]
    [InlineData("library_news", 2, "takes 1 parameter(s), 2 given")]
    public async Task SendAsync_WhenTemplateNotApprovedOrParametersWrong_HoldsWithoutCallingMeta(string name, int count, string reason)
    {
        using var harness = new SenderHarness(Marketing);

        var outcome = await harness.SendAsync(Broadcast(name, [.. Enumerable.Repeat("x", count)]), TimeSpan.FromHours(30));

        Assert.Equal(SendOutcomeKind.Held, outcome.Kind);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Graph.Requests);
    }

    [Fact]
    public void Problem_WhenAskedByTheBot_NamesApprovedTemplatesAndParameterCounts()
    {
        using var harness = new SenderHarness(Marketing);
        var templates = harness.Services.GetRequiredService<WhatsAppMarketingTemplates>();

        Assert.Null(templates.Problem(new ExplicitTemplate("library_news", ["Story time"])));
        Assert.Equal(2, templates.Find("reading_club")!.BodyParameters);
        Assert.Null(templates.Find("Library_News"));
        Assert.Contains("approved: library_news, reading_club", templates.Problem(new ExplicitTemplate("other", [])), StringComparison.Ordinal);
        Assert.Contains("must not be empty", templates.Problem(new ExplicitTemplate("library_news", [" "])), StringComparison.Ordinal);
    }

    [Fact]
    public void All_WhenSandboxAndNoneConfigured_IsLibraryNewsInFourLanguages()
    {
        using var harness = new SenderHarness(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" });
        var template = Assert.Single(harness.Services.GetRequiredService<WhatsAppMarketingTemplates>().All);

        Assert.Equal("library_news", template.Name);
        Assert.Equal(1, template.BodyParameters);
        Assert.Equal(["en", "es", "zh", "vi"], template.Languages);
    }

    [Fact]
    public void All_WhenSandboxOff_IsOnlyWhatIsConfigured()
    {
        using var harness = new SenderHarness();

        Assert.Empty(harness.Services.GetRequiredService<WhatsAppMarketingTemplates>().All);
    }

    [Fact]
    public void Serialize_WhenStoredInTheOutbox_KeepsTheExplicitTemplate()
    {
        // The outbox stores messages as JSON with these options (src/Bot/Storage/StoreJson.cs).
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };
        OutboundMessage message = Broadcast("library_news", "Story time");

        var json = JsonSerializer.Serialize(message, options);
        var back = Assert.IsType<TemplateNotification>(JsonSerializer.Deserialize<OutboundMessage>(json, options));

        Assert.Contains("\"kind\":\"Broadcast\"", json, StringComparison.Ordinal);
        Assert.Equal(NotificationKind.Broadcast, back.Kind);
        Assert.Equal("library_news", back.Template!.Name);
        Assert.Equal(["Story time"], back.Template.Parameters);
        Assert.Equal(((TemplateNotification)message).Text, back.Text);
        Assert.Null(Assert.IsType<TemplateNotification>(JsonSerializer.Deserialize<OutboundMessage>(JsonSerializer.Serialize<OutboundMessage>(
            new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string>(), "t"), options), options)).Template);
    }
}
