using System.Net;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppSenderTests : IDisposable
{
    private static readonly TemplateNotification HoldReady = new(
        NotificationKind.HoldReady,
        new Dictionary<string, string> { ["name"] = "Lucía", ["title"] = "Cien años de soledad" },
        "Lucía, your hold «Cien años de soledad» is ready.");

    private readonly SenderHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task SendAsync_WhenTextInsideWindow_PostsTextWithBearerTokenToTheNumbersEndpoint()
    {
        harness.Graph.Success();
        var outcome = await harness.SendAsync(new TextMessage("Hello from the library"));
        Assert.Equal(SendOutcome.Sent("wamid.FAKE1"), outcome);
        var (uri, authorization, body) = Assert.Single(harness.Graph.Requests);
        Assert.Equal("https://graph.test/v24.0/106540352242922/messages", uri.ToString());
        Assert.Equal("Bearer EAAG-test-token", authorization);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"34612345678","type":"text","text":{"body":"Hello from the library","preview_url":false}}"""),
            body));
    }

    [Fact]
    public async Task SendAsync_WhenTextLongerThanAMessage_SendsSeveralAtSentenceBoundariesAndReturnsTheLastId()
    {
        harness.Graph.Success().Success();
        var sentence = "The library opens at nine. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 200)).Trim();
        var outcome = await harness.SendAsync(new TextMessage(text));
        Assert.Equal("wamid.FAKE2", outcome.ChannelMessageId);
        var parts = harness.Graph.Requests.Select(r => (string)r.Body["text"]!["body"]!).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.All(parts, p => Assert.EndsWith("nine.", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(" ", parts));
    }

    [Fact]
    public async Task SendAsync_WhenMetaAnswers131047_SwitchesToTheMappedTemplate()
    {
        harness.Graph.Error(131047).Success();
        var outcome = await harness.SendAsync(HoldReady, locale: "es-ES");
        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(2, harness.Graph.Requests.Count);
        Assert.Equal("text", (string?)harness.Graph.Requests[0].Body["type"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"34612345678","type":"template","template":{"name":"hold_ready","language":{"code":"es","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","text":"Lucía"},{"type":"text","text":"Cien años de soledad"}]}]}}"""),
            harness.Graph.Requests[1].Body));
    }

    [Fact]
    public async Task SendAsync_WhenMetaAnswers131047ForPlainText_HoldsWithoutRetrying()
    {
        harness.Graph.Error(131047);
        var outcome = await harness.SendAsync(new TextMessage("Are you still there?"));
        Assert.Equal(SendOutcomeKind.Held, outcome.Kind);
        Assert.Contains("24-hour", outcome.Reason, StringComparison.Ordinal);
        Assert.Single(harness.Graph.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenOutsideWindowAndNotification_SendsTemplateDirectlyInTheFallbackLanguage()
    {
        harness.Graph.Success();
        var outcome = await harness.Sender.SendAsync(harness.Envelope(HoldReady, TimeSpan.FromHours(25), "vi"), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var body = Assert.Single(harness.Graph.Requests).Body;
        Assert.Equal("template", (string?)body["type"]);
        Assert.Equal("en_US", (string?)body["template"]!["language"]!["code"]);
    }

    [Fact]
    public async Task SendAsync_WhenNoticeDigestOutsideWindow_SendsTheDigestTemplateWithItsRenewQuickReply()
    {
        using var digestHarness = new SenderHarness(new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Templates:NoticeDigest:es:Name"] = "librarybot_notices",
            ["Channels:WhatsApp:Templates:NoticeDigest:es:Language"] = "es",
            ["Channels:WhatsApp:Templates:NoticeDigest:es:Parameters:0"] = "name",
            ["Channels:WhatsApp:Templates:NoticeDigest:es:Parameters:1"] = "summary",
            ["Channels:WhatsApp:Templates:NoticeDigest:es:QuickReplyButtons"] = "1",
        });
        digestHarness.Graph.Success();
        var digest = new TemplateNotification(NotificationKind.NoticeDigest,
            new Dictionary<string, string> { ["name"] = "Ana", ["summary"] = "Don Quijote vence el 1 de diciembre" }, "Hola Ana…", [new Choice("notice-renew", "Renovar")]);

        var outcome = await digestHarness.Sender.SendAsync(digestHarness.Envelope(digest, TimeSpan.FromHours(25), "es"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var template = Assert.Single(digestHarness.Graph.Requests).Body["template"]!;
        Assert.Equal("librarybot_notices", (string?)template["name"]);
        var components = template["components"]!.AsArray();
        Assert.Equal(["Ana", "Don Quijote vence el 1 de diciembre"], components.Single(c => (string?)c!["type"] == "body")!["parameters"]!.AsArray().Select(p => (string?)p!["text"]));
        var button = components.Single(c => (string?)c!["type"] == "button")!;
        Assert.Equal(("quick_reply", "0", "notice-renew"), ((string?)button["sub_type"], (string?)button["index"], (string?)button["parameters"]![0]!["payload"]));
    }

    [Fact]
    public async Task SendAsync_WhenNoticeDigestInsideWindow_SendsTheTextWithARenewButton()
    {
        harness.Graph.Success();
        var digest = new TemplateNotification(NotificationKind.NoticeDigest,
            new Dictionary<string, string> { ["name"] = "Ana", ["summary"] = "s" }, "Hola Ana…", [new Choice("notice-renew", "Renovar")]);

        await harness.Sender.SendAsync(harness.Envelope(digest, TimeSpan.FromHours(2), "es"), TestContext.Current.CancellationToken);

        var body = Assert.Single(harness.Graph.Requests).Body;
        Assert.Equal(("interactive", "Hola Ana…"), ((string?)body["type"], (string?)body["interactive"]!["body"]!["text"]));
        Assert.Equal("notice-renew", (string?)body["interactive"]!["action"]!["buttons"]![0]!["reply"]!["id"]);
    }

    [Fact]
    public async Task SendAsync_WhenPatronNeverWroteAndPlainText_HoldsWithoutCallingMeta()
    {
        var outcome = await harness.Sender.SendAsync(harness.Envelope(new TextMessage("hi"), sinceLastInbound: null), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcomeKind.Held, outcome.Kind);
        Assert.Contains("24-hour", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Graph.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenTemplateParameterMissing_HoldsWithTheParameterName()
    {
        var notice = HoldReady with { Parameters = new Dictionary<string, string> { ["name"] = "Lucía" } };
        var outcome = await harness.Sender.SendAsync(harness.Envelope(notice, TimeSpan.FromDays(3)), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcomeKind.Held, outcome.Kind);
        Assert.Contains("\"title\"", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Graph.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenNoTemplateForTheKind_Holds()
    {
        var notice = HoldReady with { Kind = NotificationKind.Overdue };
        var outcome = await harness.Sender.SendAsync(harness.Envelope(notice, TimeSpan.FromDays(3)), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcomeKind.Held, outcome.Kind);
        Assert.Contains("Channels:WhatsApp:Templates:Overdue", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenThroughputExceeded130429_RetriesLater()
    {
        harness.Graph.Error(130429, (HttpStatusCode)429);
        var outcome = await harness.SendAsync(new TextMessage("hi"));
        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Equal("130429", outcome.ErrorCode);
        Assert.Contains("details of 130429", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenUndeliverable131026_FailsUnreachableWithoutRetry()
    {
        harness.Graph.Error(131026);
        var outcome = await harness.SendAsync(new TextMessage("hi"));
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(RecipientEffect.Unreachable, outcome.Effect);
        Assert.Single(harness.Graph.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenServerErrorWithoutJson_RetriesLater()
    {
        harness.Graph.Raw(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var outcome = await harness.SendAsync(new TextMessage("hi"));
        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_WhenConnectionFails_RetriesLater()
    {
        harness.Graph.Throw();
        var outcome = await harness.SendAsync(new TextMessage("hi"));
        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Contains("could not be reached", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenChoiceIdTooLong_FailsBeforeCallingMeta()
    {
        var question = new ChoiceQuestion("Pick", [new Choice(new string('x', 257), "Yes"), new Choice("no", "No")]);
        var outcome = await harness.SendAsync(question);
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("256", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Graph.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenChoicesHaveLongTexts_SendsWithinEveryLimit()
    {
        harness.Graph.Success();
        var choices = Enumerable.Range(1, 3).Select(i => new Choice($"c{i}", $"A rather long choice title number {i}", new string('d', 100))).ToList();
        var question = new ChoiceQuestion(new string('b', 2000), choices, ListButton: "Open the list of branches", Header: new string('h', 80), Footer: new string('f', 80));
        var outcome = await harness.SendAsync(question);
        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var interactive = Assert.Single(harness.Graph.Requests).Body["interactive"]!;
        Assert.Equal("list", (string?)interactive["type"]);
        Assert.Equal(1024, ((string)interactive["body"]!["text"]!).Length);
        Assert.EndsWith("…", (string)interactive["body"]!["text"]!, StringComparison.Ordinal);
        Assert.Equal(60, ((string)interactive["header"]!["text"]!).Length);
        Assert.Equal(60, ((string)interactive["footer"]!["text"]!).Length);
        Assert.True(((string)interactive["action"]!["button"]!).Length <= 20);
        var rows = interactive["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.All(rows, r => Assert.True(((string)r!["title"]!).Length <= 24));
        Assert.All(rows, r => Assert.True(((string)r!["description"]!).Length <= 72));
        Assert.Equal(3, rows.Select(r => (string)r!["title"]!).Distinct().Count());
    }
}
