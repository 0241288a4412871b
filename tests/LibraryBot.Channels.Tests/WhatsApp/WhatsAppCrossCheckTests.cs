using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp;
using LibraryBot.Channels.WhatsApp.Sending;
using LibraryBot.Channels.WhatsApp.Webhooks;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>Our bodies and signatures checked by whatsapp-api-js 6.3.0 (Node), an implementation we did not write.</summary>
public sealed class WhatsAppCrossCheckTests
{
    private const string To = "34612345678";

    [Fact]
    public async Task Render_WhenBuiltByWhatsAppApiJs_EveryBodyIsAcceptedUnchanged()
    {
        var bodies = RenderedSamples().ToList();
        Assert.All(bodies, b => Assert.Null(WhatsAppBodyValidator.Validate(b)));
        var results = await NodeCrossCheck.RunAsync("bodies", [.. bodies]);
        Assert.Equal(bodies.Count, results.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            Assert.True((bool)results[i]!["ok"]!, $"body {i} {bodies[i].ToJsonString()}: {results[i]!["error"]}");
        }
    }

    [Fact]
    public async Task Validate_WhenWhatsAppApiJsRejectsABody_RejectsItToo()
    {
        var bad = BadSamples().ToList();
        var results = await NodeCrossCheck.RunAsync("bodies", [.. bad.Select(b => b.DeepClone())]);
        for (var i = 0; i < bad.Count; i++)
        {
            Assert.False((bool)results[i]!["ok"]!, $"whatsapp-api-js accepted bad body {i}: {bad[i].ToJsonString()}");
            Assert.NotNull(WhatsAppBodyValidator.Validate(bad[i]));
        }
    }

    [Fact]
    public async Task Compute_WhenVerifiedByWhatsAppApiJs_IsAccepted()
    {
        string[] bodies =
        [
            """{"object":"whatsapp_business_account","entry":[]}""",
            File.ReadAllText(RepoPaths.Payload("text")),
            File.ReadAllText(RepoPaths.Payload("batch")),
        ];
        var input = new JsonArray([.. bodies.Select(b => (JsonNode)new JsonObject
        {
            ["body"] = b,
            ["header"] = WhatsAppSignature.Compute(Encoding.UTF8.GetBytes(b), "s3cret"),
            ["secret"] = "s3cret",
        })]);
        var decoded = "{\"text\":{\"body\":\"café 📚\"}}";
        input.Add(new JsonObject { ["body"] = decoded, ["header"] = "sha256=e2d7f2b44c9b05aafc3b0222df23d24a594ddaa406bcb170fb6e703b9f3e6596", ["secret"] = "test_app_secret" });
        input.Add(new JsonObject { ["body"] = bodies[0], ["header"] = WhatsAppSignature.Compute(Encoding.UTF8.GetBytes(bodies[0]), "wrong"), ["secret"] = "s3cret" });

        var results = await NodeCrossCheck.RunAsync("signatures", input);

        Assert.Equal([true, true, true, true, false], results.Select(r => (bool)r!));
        Assert.True(WhatsAppSignature.IsValid(Encoding.UTF8.GetBytes(decoded), "sha256=e2d7f2b44c9b05aafc3b0222df23d24a594ddaa406bcb170fb6e703b9f3e6596", "test_app_secret"));
    }

    private static IEnumerable<JsonObject> RenderedSamples()
    {
        var longTitle = "Reservar en la Biblioteca Central de Madrid 📚";
        var many = Enumerable.Range(1, 23).Select(i => new Choice($"book:{i}", $"{i}. {longTitle}", "Gabriel García Márquez · 1967 · available at 3 branches near you today")).ToList();
        foreach (var body in WhatsAppMessageRenderer.RenderFreeForm(new TextMessage(string.Concat(Enumerable.Repeat("Línea con acentos y emoji 👩‍👩‍👧. ", 300))), To, "es"))
        {
            yield return body;
        }

        yield return WhatsAppMessageRenderer.Choices(new ChoiceQuestion("Renew?", [new("yes", "Yes"), new("no", "No")]), To, "en");
        yield return WhatsAppMessageRenderer.Choices(new ChoiceQuestion(new string('x', 3000), [new("a", "Same title that is long"), new("b", "Same title that is long"), new("c", "Same title that is long")], Header: new string('h', 100), Footer: "👍" + new string('f', 100)), To, "en");
        yield return WhatsAppMessageRenderer.Choices(new ChoiceQuestion("Which branch?", [.. many.Take(7)], ListButton: "Ver todas las bibliotecas"), To, "es");
        for (var page = 1; page <= WhatsAppChoicePaging.PageCount(new ChoiceQuestion("Pick", many)); page++)
        {
            yield return WhatsAppMessageRenderer.Choices(WhatsAppChoicePaging.Page(new ChoiceQuestion("选择一本书", many), page, "zh"), To, "zh");
        }

        foreach (var body in WhatsAppMessageRenderer.RenderFreeForm(new RecordCard("Cien años de soledad", "García Márquez, Gabriel", "1967", "2 of 5 available", [new("hold:1", "Place a hold"), new("more:1", "Similar titles")], "https://opac.example/record/1"), To, "es"))
        {
            yield return body;
        }

        // A broadcast with a picture: the words as its caption; words longer than a caption follow the picture as text.
        foreach (var body in WhatsAppMessageRenderer.RenderFreeForm(new TextMessage("Hora del cuento 📚 el sábado a las 11", "https://library.example/story-time.jpg"), To, "es")
            .Concat(WhatsAppMessageRenderer.RenderFreeForm(new TextMessage(new string('x', 1500), "https://library.example/story-time.jpg"), To, "en")))
        {
            yield return body;
        }

        var template = new WhatsAppTemplate { Name = "librarybot_hold_ready", Language = "vi", Parameters = ["name", "title"] };
        yield return WhatsAppMessageRenderer.RenderTemplate(
            new TemplateNotification(NotificationKind.HoldReady, new Dictionary<string, string> { ["name"] = "Minh", ["title"] = "Truyện Kiều" }, "ready"), template, To);

        // A notice digest with its Renew quick reply: as interactive buttons inside the window, as the template's button outside it.
        var digest = new TemplateNotification(
            NotificationKind.NoticeDigest,
            new Dictionary<string, string> { ["name"] = "Ana", ["summary"] = "Don Quijote de la Mancha vence el 1 de diciembre; Pepita Jiménez está lista para recoger" },
            "Hola Ana, un mensaje de la biblioteca:\n\n📅 *Don Quijote de la Mancha* vence el 1 de diciembre.",
            [new Choice("notice-renew", "Renovar")]);
        foreach (var body in WhatsAppMessageRenderer.RenderFreeForm(digest, To, "es"))
        {
            yield return body;
        }

        yield return WhatsAppMessageRenderer.RenderTemplate(digest, WhatsAppSuggestedTemplates.All[NotificationKind.NoticeDigest]["es"], To);

        // A broadcast's marketing template outside the window: positional body parameters, the patron's language code.
        yield return WhatsAppMessageRenderer.RenderExplicitTemplate(
            new ExplicitTemplate("library_news", ["Cuentacuentos el sábado a las 11:00 📚\nBiblioteca Central"]), WhatsAppMarketingTemplates.LanguageCode("es"), To);
        yield return WhatsAppMessageRenderer.RenderExplicitTemplate(
            new ExplicitTemplate("reading_club", ["读书会", "周五 19:00"]), WhatsAppMarketingTemplates.LanguageCode("zh-Hans"), To);
    }

    private static IEnumerable<JsonObject> BadSamples()
    {
        static JsonObject Interactive(string json) => JsonNode.Parse($$$"""{"messaging_product":"whatsapp","to":"{{{To}}}","type":"interactive","interactive":{{{json}}}}""")!.AsObject();
        static string Buttons(params string[] titles) => string.Join(",", titles.Select((t, i) => $$$"""{"type":"reply","reply":{"id":"id{{{i}}}","title":"{{{t}}}"}}"""));
        static string Rows(int count, int titleLength = 5) => string.Join(",", Enumerable.Range(0, count).Select(i => $$$"""{"id":"r{{{i}}}","title":"{{{new string('t', titleLength)}}}"}"""));

        yield return Interactive($$$"""{"type":"button","body":{"text":"b"},"action":{"buttons":[{{{Buttons("A", "B", "C", "D")}}}]}}""");
        yield return Interactive($$$"""{"type":"button","body":{"text":"b"},"action":{"buttons":[{{{Buttons(new string('t', 21))}}}]}}""");
        yield return Interactive($$$"""{"type":"button","body":{"text":"b"},"action":{"buttons":[{{{Buttons("Same", "Same")}}}]}}""");
        yield return Interactive($$$"""{"type":"button","body":{"text":"b"},"action":{"buttons":[{"type":"reply","reply":{"id":" padded","title":"A"}}]}}""");
        yield return Interactive($$$"""{"type":"button","body":{"text":"{{{new string('b', 1025)}}}"},"action":{"buttons":[{{{Buttons("A")}}}]}}""");
        yield return Interactive($$$"""{"type":"button","body":{"text":"b"},"footer":{"text":"{{{new string('f', 61)}}}"},"action":{"buttons":[{{{Buttons("A")}}}]}}""");
        yield return Interactive($$$"""{"type":"button","header":{"type":"text","text":"{{{new string('h', 61)}}}"},"body":{"text":"b"},"action":{"buttons":[{{{Buttons("A")}}}]}}""");
        yield return Interactive($$$"""{"type":"list","body":{"text":"b"},"action":{"button":"Choose","sections":[{"rows":[{{{Rows(1, 25)}}}]}]}}""");
        yield return Interactive($$$"""{"type":"list","body":{"text":"b"},"action":{"button":"Choose","sections":[{"rows":[{{{Rows(11)}}}]}]}}""");
        yield return Interactive($$$"""{"type":"list","body":{"text":"b"},"action":{"button":"{{{new string('c', 21)}}}","sections":[{"rows":[{{{Rows(2)}}}]}]}}""");
        yield return Interactive($$$"""{"type":"list","body":{"text":"b"},"action":{"button":"Choose","sections":[{"rows":[{"id":"{{{new string('i', 201)}}}","title":"t"}]}]}}""");
        yield return Interactive($$$"""{"type":"list","body":{"text":"b"},"action":{"button":"Choose","sections":[{"rows":[{"id":"a","title":"t","description":"{{{new string('d', 73)}}}"}]}]}}""");
        yield return JsonNode.Parse($$$"""{"messaging_product":"whatsapp","to":"{{{To}}}","type":"text","text":{"body":"{{{new string('x', 4097)}}}"}}""")!.AsObject();
        yield return JsonNode.Parse($$$"""{"to":"{{{To}}}","type":"text","text":{"body":"no product"}}""")!.AsObject();
    }
}
