using System.Text.Json.Nodes;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp.Sending;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppRenderingTests
{
    private static readonly ChoiceQuestion TwentyThree = new("Pick a book", [.. Enumerable.Range(1, 23).Select(i => new Choice($"b{i}", $"Book {i}"))]);

    [Fact]
    public void Page_WhenMoreThanTenChoices_ShowsNineAndAMoreRowThatPages()
    {
        var first = WhatsAppChoicePaging.Page(TwentyThree, 1, "es");
        Assert.Equal(10, first.Choices.Count);
        Assert.Equal(new Choice("__more:2", "Más…"), first.Choices[^1]);
        Assert.True(WhatsAppChoicePaging.TryParseMore(first.Choices[^1].Id, out var next));
        var second = WhatsAppChoicePaging.Page(TwentyThree, next);
        Assert.Equal("b10", second.Choices[0].Id);
        Assert.Equal("__more:3", second.Choices[^1].Id);
        var last = WhatsAppChoicePaging.Page(TwentyThree, 3);
        Assert.Equal(["b19", "b20", "b21", "b22", "b23"], last.Choices.Select(c => c.Id));
        Assert.Equal(3, WhatsAppChoicePaging.PageCount(TwentyThree));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatsAppChoicePaging.Page(TwentyThree, 4));
    }

    [Theory]
    [InlineData("__more:x")]
    [InlineData("__more:1")]
    [InlineData("renew")]
    [InlineData(null)]
    public void TryParseMore_WhenNotAMorePage_ReturnsFalse(string? id) => Assert.False(WhatsAppChoicePaging.TryParseMore(id, out _));

    [Fact]
    public void Fit_WhenCutWouldSplitAnEmojiOrAccent_CutsAtAGraphemeBoundary()
    {
        var family = "👩‍👩‍👧";
        var text = new string('a', 15) + family + "bbbb";
        var fitted = WhatsAppLimits.Fit(text, 20);
        Assert.Equal(new string('a', 15) + "…", fitted);
        Assert.Equal("Nguyễn Du viết Truy…", WhatsAppLimits.Fit("Nguyễn Du viết Truyện Kiều", 20));
        Assert.Equal(new string('a', 18) + "…", WhatsAppLimits.Fit(new string('a', 18) + "e\u0301zzz", 20));
        Assert.Equal("short", WhatsAppLimits.Fit("short", 20));
    }

    [Fact]
    public void Choices_WhenTitlesRepeatAfterCutting_MakesThemUnique()
    {
        var body = WhatsAppMessageRenderer.Choices(new ChoiceQuestion("?", [new("a", "Harry Potter and the Chamber"), new("b", "Harry Potter and the Prisoner")]), SenderHarness.Patron, "en");
        var titles = body["interactive"]!["action"]!["buttons"] is JsonArray buttons
            ? buttons.Select(b => (string)b!["reply"]!["title"]!).ToList()
            : body["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray().Select(r => (string)r!["title"]!).ToList();
        Assert.Equal(2, titles.Distinct().Count());
        Assert.All(titles, t => Assert.True(t.Length <= 24));
        Assert.Null(WhatsAppBodyValidator.Validate(body));
    }

    [Fact]
    public void RenderFreeForm_WhenRecordCardWithActions_SendsEssentialsAndButtons()
    {
        var card = new RecordCard("Truyện Kiều", "Nguyễn Du", "1820", "Available at Central", [new("hold:9", "Place hold")], "https://opac.example/9");
        var body = Assert.Single(WhatsAppMessageRenderer.RenderFreeForm(card, SenderHarness.Patron, "vi"));
        Assert.Equal("*Truyện Kiều*\nNguyễn Du (1820)\nAvailable at Central\nhttps://opac.example/9", (string?)body["interactive"]!["body"]!["text"]);
        Assert.Equal("hold:9", (string?)body["interactive"]!["action"]!["buttons"]![0]!["reply"]!["id"]);
    }

    [Fact]
    public void RenderFreeForm_WhenTextHasAPicture_SendsTheImageByLinkWithTheWordsAsCaption()
    {
        var bodies = WhatsAppMessageRenderer.RenderFreeForm(new TextMessage("Story time on Saturday", "https://library.example/story.jpg"), "15550001111", "en");

        var body = Assert.Single(bodies);
        Assert.Equal("image", (string?)body["type"]);
        Assert.Equal("https://library.example/story.jpg", (string?)body["image"]!["link"]);
        Assert.Equal("Story time on Saturday", (string?)body["image"]!["caption"]);
        Assert.Null(body["text"]);
    }

    [Fact]
    public void RenderFreeForm_WhenWordsAreLongerThanACaption_SendsThePictureThenTheWords()
    {
        var words = new string('w', WhatsAppLimits.MediaCaption + 1);

        var bodies = WhatsAppMessageRenderer.RenderFreeForm(new TextMessage(words, "https://library.example/story.jpg"), "15550001111", "en");

        Assert.Equal(["image", "text"], bodies.Select(b => (string?)b["type"]));
        Assert.Null(bodies[0]["image"]!["caption"]);
        Assert.Equal(words, (string?)bodies[1]["text"]!["body"]);
    }

    [Theory]
    [InlineData("""{"link":"ftp://library.example/a.jpg"}""", "http or https")]
    [InlineData("""{"link":"/relative.jpg"}""", "http or https")]
    [InlineData("""{"caption":"no picture"}""", "exactly one of link or id")]
    [InlineData("""{"link":"https://library.example/a.jpg","id":"123"}""", "exactly one of link or id")]
    public void Validate_WhenImageIsMalformed_SaysWhatIsWrong(string image, string expected)
    {
        var body = JsonNode.Parse($$"""{"messaging_product":"whatsapp","to":"15550001111","type":"image","image":{{image}}}""");

        var problem = WhatsAppBodyValidator.Validate(body);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenCaptionIsTooLong_RefusesWithTheLimit()
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = "15550001111",
            ["type"] = "image",
            ["image"] = new JsonObject { ["link"] = "https://library.example/a.jpg", ["caption"] = new string('c', WhatsAppLimits.MediaCaption + 1) },
        };

        Assert.Contains("Max length: 1024", WhatsAppBodyValidator.Validate(body)!.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_WhenNoBoundary_NeverSplitsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("📚", 3000));
        var parts = WhatsAppTextSplitter_Split(text);
        Assert.All(parts, p => Assert.True(p.Length <= WhatsAppLimits.TextBody && !char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    private static IReadOnlyList<string> WhatsAppTextSplitter_Split(string text) =>
        WhatsAppMessageRenderer.RenderFreeForm(new TextMessage(text), SenderHarness.Patron, "en").Select(b => (string)b["text"]!["body"]!).ToList();
}
