using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Bot.Tests.Sandbox;
using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// The console's Outreach page in headless Chromium against the real server: two patrons sign up for events in their
/// chats; an outreach account builds the segment (the live count says 2), is told next to the field what is missing,
/// composes in English and Spanish with a preview per channel, sends, and watches the funnel reach sent and delivered
/// while each patron gets the broadcast in their language. A librarian reads the list but may not send (403) and has
/// no Outreach page. Never a whole phone number on the page. Screenshots: /tmp/outreach-*.png.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class OutreachConsoleBrowserTests(OutreachConsoleServer server) : IClassFixture<OutreachConsoleServer>
{
    private const string English = "Author talk on Saturday at 11:00 in the Central Library. Free entry.";
    private const string Spanish = "Charla con la autora el sábado a las 11:00 en la Biblioteca Central. Entrada libre.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutreachPage_WhenOutreachBuildsASegmentComposesInTwoLanguagesAndSends_TheFunnelReachesEveryPatronInTheirLanguage()
    {
        var ana = await SignUpForEventsAsync(Phones.UnitedStates, "news", "Events");
        var lucia = await SignUpForEventsAsync(Phones.Spain, "noticias", "Actividades");
        await server.CreateStaffAsync("outreach-olga", "outreach");
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("outreach-send", async () =>
        {
            browser.SignIn("outreach-olga", StaffServer.StaffPassword);
            browser.Wait.Until(d => d.FindElement(By.Id("outreach-page")).Displayed);
            Assert.True(browser.Find("show-outreach").Displayed);
            Assert.False(browser.Find("show-notices").Displayed, "Outreach staff have no notices page.");
            browser.Wait.Until(d => d.FindElements(By.CssSelector("#topic-list tbody tr")).Count == 4);
            Assert.Contains("events Events Actividades 活动 Sự kiện", browser.Find("topic-list").Text, StringComparison.Ordinal);

            browser.Find("broadcast-new").Click();
            var events = browser.Wait.Until(d => d.FindElement(By.Id("segment-topic-events")) is { Displayed: true } box ? box : null)!;

            // Nothing ticked and no name: the server's reasons show next to the fields.
            browser.Find("broadcast-send").Click();
            Assert.Equal("Not saved: see the fields marked in red.", browser.WaitForText("broadcast-form-status", t => t.StartsWith("Not saved", StringComparison.Ordinal)));
            Assert.NotEmpty(browser.Driver.FindElement(By.CssSelector(".field-error[data-field='name']")).Text);
            Shot(browser, "outreach-errors");

            events.Click();
            Assert.Equal("2 patrons will get it.", browser.WaitForText("audience-count", t => t.EndsWith("will get it.", StringComparison.Ordinal)));
            browser.Find("segment-channel-sms").Click();
            browser.WaitForText("audience-count", t => t == "0 patrons will get it.");
            browser.Find("segment-channel-sms").Click();
            browser.WaitForText("audience-count", t => t == "2 patrons will get it.");

            browser.Find("broadcast-name").SendKeys("Author talk");
            browser.Find("content-en").SendKeys(English);
            browser.Find("content-es").SendKeys(Spanish);
            Assert.Equal($"{English.Length} characters", browser.Find("content-en-count").Text);
            var whatsApp = browser.Driver.FindElement(By.CssSelector("#preview-channels .preview-card.whatsapp:not(.template)")).Text;
            Assert.Contains(English, whatsApp, StringComparison.Ordinal);
            Assert.EndsWith("+ how to stop, in the patron’s language (the server adds it)", whatsApp, StringComparison.Ordinal);
            Assert.Contains("Outside the 24-hour window WhatsApp lets only an approved marketing template through",
                browser.Driver.FindElement(By.CssSelector("#preview-channels .preview-card.template")).Text, StringComparison.Ordinal);
            Assert.Contains("1 SMS segment (GSM-7)", browser.Driver.FindElement(By.CssSelector("#preview-channels .preview-card.sms")).Text, StringComparison.Ordinal);
            browser.Find("preview-es").Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector("#preview-channels .preview-card.wechat")).Text.Contains(Spanish, StringComparison.Ordinal));
            Assert.Contains("83 characters, 2 SMS segments (Unicode)", browser.Driver.FindElement(By.CssSelector("#preview-channels .preview-card.sms")).Text, StringComparison.Ordinal);
            Shot(browser, "outreach-compose");
            browser.Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'start' });", browser.Find("preview"));
            Shot(browser, "outreach-preview");

            browser.Find("broadcast-send").Click();
            browser.Wait.Until(d => d.FindElement(By.Id("broadcast-detail")).Displayed);
            Assert.Equal("Author talk", browser.Find("detail-name").Text);
            Assert.StartsWith("Sending to 2 patrons", browser.WaitForText("detail-action-status", t => t.Length > 0), StringComparison.Ordinal);

            // Live: the hub's broadcastChanged moves the funnel without a reload.
            browser.Wait.Until(d => Count(d, "sent") == "2");
            Assert.Equal("2", Count(browser.Driver, "audience"));
            Assert.Equal("0", Count(browser.Driver, "failed"));
            Assert.Equal("finished", browser.WaitForText("detail-status", t => t == "finished"));
            Assert.False(browser.Find("detail-pause").Enabled);
            Assert.False(browser.Find("detail-send").Enabled);
            Assert.StartsWith("2 of 2 done", browser.Find("detail-progress-label").Text, StringComparison.Ordinal);
            var recipients = browser.Wait.Until(d => d.FindElements(By.CssSelector("#recipient-list tbody tr[data-status]")) is { Count: 2 } rows
                ? rows.Select(r => r.FindElements(By.TagName("td")).Select(td => td.Text).ToList()).ToList() : null)!;
            Assert.Contains(recipients, r => r[0].EndsWith($"••• {ana[^4..]}", StringComparison.Ordinal) && r[1] == "whatsapp" && r[2] == "en");
            Assert.Contains(recipients, r => r[0].EndsWith($"••• {lucia[^4..]}", StringComparison.Ordinal) && r[1] == "whatsapp" && r[2] == "es");
            Assert.EndsWith("/recipients.csv", browser.Find("recipient-csv").GetDomProperty("href"), StringComparison.Ordinal);
            Shot(browser, "outreach-detail");

            // Each patron got it once, in their own language.
            Assert.Single(await BroadcastTextsAsync(ana, English));
            Assert.Empty(await BroadcastTextsAsync(ana, Spanish));
            Assert.Single(await BroadcastTextsAsync(lucia, Spanish));

            // Delivered as the fake Graph API reports it (receipts do not send broadcastChanged: the list is read again each try).
            browser.Find("detail-back").Click();
            browser.Wait.Until(d =>
            {
                var row = d.FindElements(By.CssSelector("#broadcast-list tbody tr[data-id]")).FirstOrDefault(r => r.Text.StartsWith("Author talk finished", StringComparison.Ordinal));
                if (row is null)
                {
                    return false;
                }

                if (row.FindElements(By.TagName("td"))[6].Text == "2")
                {
                    return true;
                }

                row.FindElement(By.CssSelector("button.link")).Click();
                d.FindElement(By.Id("detail-back")).Click();
                return false;
            });
            Shot(browser, "outreach-list");
            Assert.DoesNotContain(ana, browser.Driver.PageSource, StringComparison.Ordinal);
            Assert.DoesNotContain(lucia, browser.Driver.PageSource, StringComparison.Ordinal);
            AssertFitsAPhone(browser, "outreach-list-narrow");
            browser.Find("broadcast-new").Click();
            browser.Wait.Until(d => d.FindElement(By.Id("broadcast-form")).Displayed);
            AssertFitsAPhone(browser, "outreach-compose-narrow");
        });
    }

    [Fact]
    public async Task Librarian_ReadsTheBroadcastsButMayNotWriteOrSendThem_AndHasNoOutreachPage()
    {
        using var outreach = await server.StaffAsync("outreach-oscar", "outreach");
        var created = await outreach.PostAsJsonAsync("/api/staff/broadcasts", new
        {
            name = "Reading club draft",
            audience = new { topics = new[] { "reading-clubs" }, branches = Array.Empty<string>(), languages = Array.Empty<string>(), channels = Array.Empty<string>() },
            content = new { en = "The reading club meets on Thursday." },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!;

        using var librarian = await server.StaffAsync("desk-lina", "librarian");
        var list = JsonNode.Parse(await librarian.GetStringAsync("/api/staff/broadcasts", Ct))!.AsArray();
        Assert.Contains(list, b => (string?)b!["id"] == id && (string?)b["status"] == "draft");
        Assert.Equal(HttpStatusCode.Forbidden, (await librarian.PostAsync($"/api/staff/broadcasts/{id}/send", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await librarian.PostAsJsonAsync("/api/staff/broadcasts", new { name = "x" }, Ct)).StatusCode);
        Assert.Equal("draft", (string?)JsonNode.Parse(await librarian.GetStringAsync($"/api/staff/broadcasts/{id}", Ct))!["status"]);

        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("outreach-librarian", () =>
        {
            browser.SignIn("desk-lina", StaffServer.StaffPassword);
            browser.Wait.Until(d => d.FindElement(By.Id("queue-page")).Displayed);
            Assert.False(browser.Find("show-outreach").Displayed, "Librarians have no Outreach page.");
            Assert.False(browser.Find("outreach-page").Displayed);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// A new WhatsApp patron in <paramref name="country"/> writes the sign-up word and picks the topic from the list, as
    /// the sign-up dialog offers it (each pick a consent-ledger event, purpose news:events); returns the number.
    /// </summary>
    private async Task<string> SignUpForEventsAsync(string country, string word, string topicName)
    {
        var phone = Phones.New(country);
        var patron = new WhatsAppPatron(server.Bot, phone);
        var topics = await patron.SayAsync(word);
        await patron.TapAsync(WhatsAppPatron.ChoiceId(topics, topicName), listRow: true);
        return phone;
    }

    private static string Count(IWebDriver driver, string step) =>
        driver.FindElement(By.CssSelector($"#broadcast-funnel li[data-step='{step}'] .count")).Text;

    /// <summary>The messages the fake Graph API accepted for this patron that carry <paramref name="text"/> (as text, caption or template parameter).</summary>
    private async Task<IReadOnlyList<JsonNode>> BroadcastTextsAsync(string phone, string text) =>
        [.. (await server.SentToAsync(phone)).Where(body => Strings(body).Any(s => s.Contains(text, StringComparison.Ordinal)))];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>A screenshot in the server's folder and at /tmp/&lt;name&gt;.png, to look at.</summary>
    private static void Shot(ConsoleBrowser browser, string name) =>
        File.Copy(browser.Screenshot(name), Path.Combine(Path.GetTempPath(), name + ".png"), overwrite: true);

    /// <summary>On a phone-sized window the page does not scroll sideways (wide tables scroll inside themselves).</summary>
    private static void AssertFitsAPhone(ConsoleBrowser browser, string screenshot)
    {
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(400, 860);
        browser.Wait.Until(d => (long)((IJavaScriptExecutor)d).ExecuteScript("return window.innerWidth;")! < 500);
        browser.Driver.ExecuteScript("window.scrollTo(0, 0);");
        Shot(browser, screenshot);
        var overflow = (long)browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;")!;
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a phone's window.");
    }
}

/// <summary>The staff server with no broadcast quiet hours, so a broadcast goes whatever the time at the demo library.</summary>
public sealed class OutreachConsoleServer : StaffServer
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Broadcasts__QuietHours"] = "",
    };
}
