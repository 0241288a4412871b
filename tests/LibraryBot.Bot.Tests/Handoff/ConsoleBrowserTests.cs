using System.Net.Http.Json;
using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>
/// The console in headless Chromium against the real server: the queue rows, claiming, replying (the reply reaches the
/// fake Graph API), the patron's next message arriving live, transferring, handing back, and the admins' accounts page.
/// </summary>
public sealed class ConsoleBrowserTests(StaffServer server) : IClassFixture<StaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Console_WhenALibrarianClaimsRepliesAndHandsBack_ThePatronGetsTheReplyAndTheBotAgain() =>
        ClaimReplyAndHandBackAsync(server, "15550002001", "console-claim");

    /// <summary>The claim, reply, live update and hand-back walk-through, on whichever store <paramref name="server"/> runs.</summary>
    internal static async Task ClaimReplyAndHandBackAsync(StaffServer server, string patron, string screenshots)
    {
        await server.CreateStaffAsync("marta", "librarian");
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var id = await server.EscalateAsync(admin, patron);
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync(screenshots, async () =>
        {
            browser.SignIn("marta", StaffServer.StaffPassword);

            // The waiting patron is in the queue; open it with the keyboard and claim.
            var item = By.CssSelector($".queue-item[data-id='{id}']");
            browser.Wait.Until(d => d.FindElement(item).Text.Contains("waiting", StringComparison.Ordinal));
            browser.Wait.Until(d => d.FindElement(By.Id("live")).Text == "live");
            browser.Wait.Until(d =>
            {
                d.FindElement(item).SendKeys(Keys.Enter);
                return true;
            });
            browser.Wait.Until(d => d.FindElement(By.Id("claim")) is { Displayed: true, Enabled: true } claim ? claim : null).Click();
            var reply = browser.Wait.Until(d => d.FindElement(By.Id("reply-text")) is { Displayed: true, Enabled: true } box ? box : null);
            Assert.Contains("window open", browser.Find("window-rule").Text, StringComparison.Ordinal);

            reply.SendKeys("Hello, I am Marta. Which book is it?" + Keys.Control + Keys.Enter);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["text"]?["body"] == "Hello, I am Marta. Which book is it?"),
                "the librarian's reply at the fake Graph API");

            // The patron answers; the console shows it without a reload.
            Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, WhatsAppWebhook.TextBody(patron, "The Left Hand of Darkness"))).IsSuccessStatusCode);
            browser.Wait.Until(d => d.FindElements(By.CssSelector("#transcript li.Patron")).Any(li => li.Text == "The Left Hand of Darkness"));

            // Hand back: the patron is told, and the bot answers the next message again.
            browser.Find("release").Click();
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => ((string?)b["text"]?["body"])?.Contains("back with the library bot", StringComparison.Ordinal) == true),
                "the hand-back notice at the fake Graph API");
            var before = (await server.SentToAsync(patron)).Count;
            Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, WhatsAppWebhook.TextBody(patron, "menu"))).IsSuccessStatusCode);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Count > before, "the bot's answer after the hand-back");
            browser.WaitForText("summary", text => text.Contains("with the bot", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Queue_WhenPatronsWait_EachRowSaysWhoWhyHowLongAndTheirFirstWords()
    {
        const string patron = "15550002101";
        await server.CreateStaffAsync("rows1", "librarian");
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        await server.SayAsync(patron, ["I returned a book but it still shows as overdue"]);
        var id = await server.EscalateAsync(admin, patron);
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-queue-rows", () =>
        {
            browser.SignIn("rows1", StaffServer.StaffPassword);

            var row = browser.Wait.Until(d => d.FindElement(By.CssSelector($".queue-item[data-id='{id}']")));
            Assert.Equal("Ana", row.FindElement(By.CssSelector(".name")).Text);
            Assert.Equal("+1 555 ••• 2101", row.FindElement(By.CssSelector(".address")).Text);
            Assert.Equal("Asked for a librarian", row.FindElement(By.CssSelector(".reason")).Text);
            Assert.Equal("WhatsApp · English", row.FindElement(By.CssSelector(".channel")).Text);
            Assert.Equal("“I returned a book but it still shows as overdue · librarian”", row.FindElement(By.CssSelector(".preview")).Text);
            Assert.Matches(@"^waiting \d+ (s|min) \(since [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}\)$", row.FindElement(By.CssSelector(".waiting")).Text);
            browser.Screenshot("console-queue-rows");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Conversation_WhenOpened_ShowsTheDeadlineInLibraryTimeAndTheColleaguesWhoCanTakeIt()
    {
        const string patron = "15550002201";
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        await server.CreateStaffAsync("transferer1", "librarian");
        var id = await server.EscalateAsync(admin, patron);
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-transfer", async () =>
        {
            browser.SignIn("transferer1", StaffServer.StaffPassword);

            // A colleague added after this page loaded is offered too, with their presence.
            await server.CreateStaffAsync("late-colleague", "librarian");
            browser.Wait.Until(d => d.FindElement(By.CssSelector($".queue-item[data-id='{id}']"))).Click();
            browser.Wait.Until(d => d.FindElement(By.Id("claim")) is { Displayed: true, Enabled: true } claim ? claim : null).Click();
            var options = browser.Wait.Until(d =>
                d.FindElements(By.CssSelector("#transfer-to option")).Select(o => o.Text).ToList() is var texts && texts.Contains("LATE-COLLEAGUE — away") ? texts : null)!;
            Assert.Contains($"{StaffServer.AdminDisplayName} — available (admin)", options);
            Assert.DoesNotContain(options, o => o.StartsWith("TRANSFERER1", StringComparison.Ordinal));
            Assert.True(browser.Find("transfer").Enabled);
            var rule = browser.WaitForText("window-rule", text => text.Contains("until", StringComparison.Ordinal));
            Assert.Matches(@"^WhatsApp window open for free-form replies until [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$", rule);
            browser.Screenshot("console-transfer");

            browser.Choose("transfer-to", "late-colleague");
            browser.Find("transfer").Click();
            browser.WaitForText("summary", text => text.Contains("with LATE-COLLEAGUE", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Accounts_WhenAnAdminManagesAccounts_EachActionShowsItsResultOrAClearError()
    {
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-accounts", async () =>
        {
            browser.SignIn(StaffServer.AdminUser, StaffServer.AdminPassword);
            browser.Wait.Until(d => d.FindElement(By.Id("show-accounts")).Displayed);
            browser.Find("show-accounts").Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector("#accounts-table tr[data-username='admin']")));

            // A short password is refused with the reason.
            Create(browser, "ana.lopez", "Ana López", "librarian", "short");
            browser.WaitForText("accounts-status", text => text == "Password must be at least 10 characters.");

            Create(browser, "ana.lopez", "Ana López", "librarian", "ana-password-1");
            browser.WaitForText("accounts-status", text => text.StartsWith("Created librarian ana.lopez (Ana López)", StringComparison.Ordinal));
            var row = By.CssSelector("#accounts-table tr[data-username='ana.lopez']");
            browser.Wait.Until(d => d.FindElement(row).Text.Contains("Ana López", StringComparison.Ordinal));

            // Disable, and the row says so; the last admin cannot disable themselves.
            browser.Driver.FindElement(row).FindElement(By.CssSelector("button.disable")).Click();
            browser.Wait.Until(d => d.FindElement(row).FindElement(By.CssSelector(".account-state")).Text == "Disabled");
            browser.Driver.FindElement(By.CssSelector("#accounts-table tr[data-username='admin'] button.disable")).Click();
            browser.WaitForText("accounts-status", text => text.Contains("last active admin", StringComparison.Ordinal));

            // Reset a password in place.
            browser.Driver.FindElement(row).FindElement(By.CssSelector("button.enable")).Click();
            browser.Wait.Until(d => d.FindElement(row).FindElement(By.CssSelector(".account-state")).Text.StartsWith("Active", StringComparison.Ordinal));
            browser.Driver.FindElement(row).FindElement(By.CssSelector("button.reset-password")).Click();
            var field = browser.Driver.FindElement(row).FindElement(By.CssSelector("form.inline input[type='password']"));
            field.SendKeys("another-password-2" + Keys.Enter);
            browser.WaitForText("accounts-status", text => text == "New password set for ana.lopez.");
            browser.Screenshot("console-accounts");
            using var ana = await server.SignInAsync("ana.lopez", "another-password-2");
        });
    }

    private static void Create(ConsoleBrowser browser, string username, string displayName, string role, string password)
    {
        foreach (var (id, value) in new[] { ("new-username", username), ("new-display-name", displayName), ("new-password", password) })
        {
            browser.Find(id).Clear();
            browser.Find(id).SendKeys(value);
        }

        browser.Choose("new-role", role);
        browser.Find("account-create").Click();
    }
}
