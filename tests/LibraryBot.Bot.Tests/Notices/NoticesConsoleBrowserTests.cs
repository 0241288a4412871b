using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Bot.Tests.Sandbox;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// The console's notice pages in headless Chromium against the real server: an admin runs notices and reads what the
/// run did, the counts, the list and a failure in plain words (and a busy run as a clear message); a librarian sends a
/// pickup batch after a preview; a chat's consent history in the conversation view. Never a whole phone number.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class NoticesConsoleBrowserTests(NoticesServer server) : IClassFixture<NoticesServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticesPage_WhenAnAdminRunsNotices_ShowsWhatTheRunDidTheCountsTheListAndFailuresInPlainWords()
    {
        // Its own server: the run's counts are those of this test's patron alone, whatever the other tests did first.
        var own = new NoticesServer();
        await own.InitializeAsync();
        await using var stop = own;
        var ana = await NoticePatrons.LinkAsync(own.Bot, Phones.UnitedStates, "29000100000011", "1234", accept: true);
        using var browser = ConsoleBrowser.Open(own.Bot);
        await browser.RunAsync("notices-page", async () =>
        {
            browser.SignIn(StaffServer.AdminUser, StaffServer.AdminPassword);
            browser.Find("show-notices").Click();
            browser.Wait.Until(d => d.FindElement(By.Id("run-notices")).Displayed);

            browser.Find("run-notices").Click();
            var report = browser.WaitForText("run-result", t => t.StartsWith("Done:", StringComparison.Ordinal));
            Assert.Contains("looked at 1 chat with notices on; planned 2 notices in 1 message", report, StringComparison.Ordinal);

            // Both notices of Ana's digest reach the fake Graph API: the list shows them sent (or further).
            var rows = WaitForRows(browser, r => r.Count == 2 && r.All(row => row.Status is "sent" or "delivered" or "read"));
            Assert.Equal(["Hold ready", "Overdue"], rows.Select(r => r.Kind).Order());
            Assert.Contains(rows, r => r.About == "Pepita Jiménez · Central Library" && r.Patron == "Ana" && r.Channel == "WhatsApp");
            Assert.Contains(browser.Driver.FindElements(By.CssSelector("#notice-counts tbody tr")), tr => tr.Text.Contains(" Hold ready WhatsApp ", StringComparison.Ordinal));
            browser.Screenshot("notices-page");

            // WhatsApp reports the message refused (the patron stopped the library's messages in WhatsApp; 131026 would
            // send it by SMS instead): the failure is listed in plain words.
            var sent = JsonNode.Parse(await own.Bot.Http.GetStringAsync($"/sandbox/whatsapp/messages?to={ana}", Ct))!.AsArray()
                .Last(m => m!["body"]!.ToJsonString().Contains("Pepita", StringComparison.Ordinal))!;
            var failed = WhatsAppWebhook.FailedStatusBody(ana, (string)sent["id"]!, 131050, "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business");
            Assert.True((await WhatsAppWebhook.PostAsync(own.Bot.Http, failed)).IsSuccessStatusCode);
            var failures = browser.Wait.Until(d =>
            {
                d.FindElement(By.Id("filter-apply")).Click();
                return d.FindElement(By.Id("notice-failures")).Text is var text && text.Contains("Failed:", StringComparison.Ordinal) ? text : null;
            });
            Assert.Contains("Failed: The patron told WhatsApp to stop messages from the library.", failures, StringComparison.Ordinal);
            Assert.Equal("2", browser.Driver.FindElement(By.CssSelector("#notice-funnel li.failed .count")).Text);

            // Filters: one kind, then one status.
            browser.Choose("filter-kind", "Overdue");
            var overdue = WaitForRows(browser, r => r.Count == 1);
            Assert.Equal("Truyện Kiều", overdue[0].About);
            browser.Choose("filter-kind", "");
            browser.Choose("filter-status", "read");
            WaitForRows(browser, r => r.Count == 0);
            browser.Screenshot("notices-page-failures");

            // A run while another holds the lease is refused, and the page says so.
            using (HoldRunLease(own.Bot))
            {
                browser.Find("run-notices").Click();
                Assert.Contains("Another notice run is under way", browser.WaitForText("run-result", t => !t.StartsWith("Running", StringComparison.Ordinal) && t.Length > 0), StringComparison.Ordinal);
            }

            Assert.DoesNotContain(ana, browser.Driver.PageSource, StringComparison.Ordinal);
            AssertFitsAPhone(browser, "notices-page-narrow");
        });
    }

    [Fact]
    public async Task PickupBatch_WhenALibrarianPreviewsThenSends_ShowsWhoIsToldAndWhoCannotBeAndTellsThePatronOnce()
    {
        var wei = await NoticePatrons.LinkAsync(server.Bot, Phones.UnitedStates, "29000100000029", "2468", accept: true);
        await server.CreateStaffAsync("desk", "librarian");
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("pickup-batch", async () =>
        {
            browser.SignIn("desk", StaffServer.StaffPassword);
            browser.Find("show-notices").Click();
            browser.Wait.Until(d => d.FindElement(By.Id("notices-page")).Displayed);
            Assert.False(browser.Find("run-notices").Displayed, "Only admins run notices.");

            browser.Find("show-batch").Click();
            browser.Wait.Until(d => d.FindElements(By.CssSelector("#batch-branch option")).Count == 3);
            browser.Find("batch-cards").SendKeys("29000100000029\n29000199999999, +12");
            browser.Choose("batch-branch", "jade-street");
            browser.Find("batch-preview").Click();

            Assert.StartsWith("Preview: 1 patron will be told", browser.WaitForText("batch-status", t => t.StartsWith("Preview", StringComparison.Ordinal)), StringComparison.Ordinal);
            var told = browser.Driver.FindElement(By.CssSelector("#batch-recipients tbody tr"));
            Assert.Equal($"1 ••••0029 Wei WhatsApp +1 555 ••• {wei[^4..]} English will be sent", told.Text);
            var unreachable = browser.Driver.FindElements(By.CssSelector("#batch-unreachable tbody tr")).Select(r => r.Text).ToList();
            Assert.Equal(2, unreachable.Count);
            Assert.StartsWith("2 ••••9999 unknown card", unreachable[0], StringComparison.Ordinal);
            Assert.StartsWith("2 ••••+12 invalid phone number", unreachable[1], StringComparison.Ordinal);
            Assert.Contains("Your book is ready for collection at the Jade Street Branch issue desk.", browser.Find("batch-messages").Text, StringComparison.Ordinal);
            Assert.Equal("Send to 1", browser.Find("batch-send").Text);
            browser.Screenshot("pickup-batch-preview");
            browser.Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'end' });", browser.Find("batch-unreachable"));
            browser.Screenshot("pickup-batch-unreachable");
            Assert.Empty(await PickupTextsAsync(wei));

            browser.Find("batch-send").Click();
            Assert.StartsWith("Sent: 1 patron told at Jade Street Branch", browser.WaitForText("batch-status", t => t.StartsWith("Sent", StringComparison.Ordinal)), StringComparison.Ordinal);
            await server.Bot.WaitUntilAsync(async () => (await PickupTextsAsync(wei)).Count == 1, "the pickup notice at the fake Graph API");
            Assert.False(browser.Find("batch-send").Enabled, "Send is offered only for a fresh preview.");
            Assert.Equal("29000100000029\n29000199999999, +12", browser.Find("batch-cards").GetDomProperty("value"));
            browser.Screenshot("pickup-batch-sent");

            // The same batch again: nobody is told twice.
            browser.Find("batch-preview").Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector("#batch-recipients tbody tr")).Text.EndsWith("already told today: not sent again", StringComparison.Ordinal));
            Assert.Equal("Everyone in this list who can be reached was already told today at Jade Street Branch: nothing more to send.",
                browser.WaitForText("batch-status", t => t.StartsWith("Everyone", StringComparison.Ordinal)));
            Assert.False(browser.Find("batch-send").Enabled);
            Assert.DoesNotContain(wei, browser.Driver.PageSource, StringComparison.Ordinal);
            AssertFitsAPhone(browser, "pickup-batch-narrow");
        });
        await Task.Delay(1000, Ct);
        Assert.Single(await PickupTextsAsync(wei));
    }

    [Fact]
    public async Task Conversation_ShowsTheChatsConsentHistory_WithTheWordsShownAndWhoActed()
    {
        var priya = await NoticePatrons.LinkAsync(server.Bot, Phones.UnitedStates, "29000100000086", "2718", accept: true);
        await server.SayAsync(priya, ["notices off"]);
        await server.CreateStaffAsync("consent-desk", "librarian");
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var id = await server.EscalateAsync(admin, priya);
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("consent-history", () =>
        {
            browser.SignIn("consent-desk", StaffServer.StaffPassword);
            browser.Wait.Until(d => d.FindElement(By.CssSelector($".queue-item[data-id='{id}']"))).Click();
            browser.WaitForText("summary", t => t.Contains("WhatsApp", StringComparison.Ordinal));
            browser.Driver.FindElement(By.CssSelector("#consent summary")).Click();

            var rows = browser.Wait.Until(d => d.FindElements(By.CssSelector("#consent-table tbody tr")) is { Count: 2 } r && r[0].Displayed ? r : null);
            var granted = rows[0].FindElements(By.TagName("td")).Select(td => td.Text).ToList();
            Assert.Matches(@"^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$", granted[0]);
            Assert.Equal(["Notices (loans and holds) · WhatsApp", "granted", "in the chat"], granted[1..4]);
            Assert.StartsWith("“Would you like Alder Bay Public Library to send you notices here on WhatsApp", granted[4], StringComparison.Ordinal);
            Assert.EndsWith("” (en, Notices.AskSms@1)", granted[4], StringComparison.Ordinal);
            Assert.Equal("the patron", granted[5]);
            var withdrawn = rows[1].FindElements(By.TagName("td")).Select(td => td.Text).ToList();
            Assert.Equal("withdrawn", withdrawn[2]);
            Assert.StartsWith("“Done: no more notices here on WhatsApp", withdrawn[4], StringComparison.Ordinal);
            browser.Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'end' });", browser.Find("consent"));
            browser.Screenshot("consent-history");
            Assert.DoesNotContain(priya, browser.Driver.PageSource, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }

    /// <summary>On a phone-sized window the page does not scroll sideways (wide tables scroll inside themselves).</summary>
    private static void AssertFitsAPhone(ConsoleBrowser browser, string screenshot)
    {
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(400, 860);
        browser.Wait.Until(d => (long)((IJavaScriptExecutor)d).ExecuteScript("return window.innerWidth;")! < 500);
        browser.Driver.ExecuteScript("window.scrollTo(0, 0);");
        browser.Screenshot(screenshot);
        var overflow = (long)browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;")!;
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a phone's window.");
    }

    /// <summary>The rows of the notices list once they satisfy the condition (the list is read again each try).</summary>
    private static List<(string Patron, string Kind, string About, string Channel, string Status)> WaitForRows(
        ConsoleBrowser browser, Func<List<(string Patron, string Kind, string About, string Channel, string Status)>, bool> condition) =>
        browser.Wait.Until(d =>
        {
            d.FindElement(By.Id("filter-apply")).Click();
            var rows = d.FindElements(By.CssSelector("#notice-list tbody tr"))
                .Select(tr => tr.FindElements(By.TagName("td")).Select(td => td.Text).ToList())
                .Select(c => (c[1], c[2], c[3], c[4], c[5])).ToList();
            return condition(rows) ? rows : null;
        })!;

    /// <summary>Another instance's notice run, as the lease in the database shows it, until disposed.</summary>
    private static IDisposable HoldRunLease(BotProcess bot)
    {
        Execute(bot, "INSERT INTO leases (name, owner, until) VALUES ('notices-run', 'another-instance', 9999999999999)");
        return new Release(() => Execute(bot, "DELETE FROM leases WHERE owner = 'another-instance'"));
    }

    private static void Execute(BotProcess bot, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bot.DatabasePath, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<IReadOnlyList<string>> PickupTextsAsync(string phone) =>
        [.. (await server.SentToAsync(phone)).Select(b => b.ToJsonString()).Where(t => t.Contains("ready for collection", StringComparison.Ordinal))];

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
