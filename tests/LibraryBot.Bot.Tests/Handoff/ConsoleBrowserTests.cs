using System.Net.Http.Json;
using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>
/// The console in headless Chromium against the real server: sign in, see the waiting patron, claim, reply (the reply
/// reaches the fake Graph API), see the patron's next message arrive live, hand back, and the bot answers again.
/// </summary>
public sealed class ConsoleBrowserTests(StaffServer server) : IClassFixture<StaffServer>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverDirectory = "/usr/bin";

    [Fact]
    public async Task Console_WhenALibrarianClaimsRepliesAndHandsBack_ThePatronGetsTheReplyAndTheBotAgain()
    {
        RequireBrowser();
        const string patron = "15550002001";
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { username = "marta", displayName = "Marta", role = "librarian", password = StaffServer.StaffPassword }, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, $"Creating the librarian: {(int)created.StatusCode}");
        var id = await server.EscalateAsync(admin, patron);

        var profile = Directory.CreateTempSubdirectory("librarybot-chromium-");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}", "--window-size=1280,900");
        using var service = ChromeDriverService.CreateDefaultService(ChromeDriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        try
        {
            driver.Navigate().GoToUrl(new Uri(server.Bot.BaseAddress, "/console"));
            wait.Until(d => d.FindElement(By.Id("username")).Displayed);
            driver.FindElement(By.Id("username")).SendKeys("marta");
            driver.FindElement(By.Id("password")).SendKeys(StaffServer.StaffPassword + Keys.Enter);

            // The waiting patron is in the queue; open it with the keyboard and claim.
            var item = By.CssSelector($".queue-item[data-id='{id}']");
            wait.Until(d => d.FindElement(item).Text.Contains("waiting", StringComparison.Ordinal));
            wait.Until(d => d.FindElement(By.Id("live")).Text == "live");
            wait.Until(d =>
            {
                d.FindElement(item).SendKeys(Keys.Enter);
                return true;
            });
            wait.Until(d => d.FindElement(By.Id("claim")) is { Displayed: true, Enabled: true } claim ? claim : null).Click();
            var reply = wait.Until(d => d.FindElement(By.Id("reply-text")) is { Displayed: true, Enabled: true } box ? box : null);
            Assert.Contains("window open", driver.FindElement(By.Id("window-rule")).Text, StringComparison.Ordinal);

            reply.SendKeys("Hello, I am Marta. Which book is it?" + Keys.Control + Keys.Enter);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => (string?)b["text"]?["body"] == "Hello, I am Marta. Which book is it?"),
                "the librarian's reply at the fake Graph API");

            // The patron answers; the console shows it without a reload.
            Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, WhatsAppWebhook.TextBody(patron, "The Left Hand of Darkness"))).IsSuccessStatusCode);
            wait.Until(d => d.FindElements(By.CssSelector("#transcript li.Patron")).Any(li => li.Text == "The Left Hand of Darkness"));

            // Hand back: the patron is told, and the bot answers the next message again.
            driver.FindElement(By.Id("release")).Click();
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Any(b => ((string?)b["text"]?["body"])?.Contains("back with the library bot", StringComparison.Ordinal) == true),
                "the hand-back notice at the fake Graph API");
            var before = (await server.SentToAsync(patron)).Count;
            Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, WhatsAppWebhook.TextBody(patron, "menu"))).IsSuccessStatusCode);
            await server.Bot.WaitUntilAsync(async () => (await server.SentToAsync(patron)).Count > before, "the bot's answer after the hand-back");
            wait.Until(d => d.FindElement(By.Id("summary")).Text.Contains("with the bot", StringComparison.Ordinal));
        }
        catch (Exception ex)
        {
            var shot = Path.Combine(server.Bot.Directory, "console-failure.png");
            driver.GetScreenshot().SaveAsFile(shot);
            throw new InvalidOperationException($"The console test failed; screenshot: {shot}\n{ex.Message}\nServer output:\n{server.Bot.Output}", ex);
        }
        finally
        {
            driver.Quit();
        }
    }

    private static void RequireBrowser()
    {
        var shared = false;
        for (var dir = new DirectoryInfo(RepositoryRoot.Path); dir is not null && !shared; dir = dir.Parent)
        {
            shared = Directory.Exists(Path.Combine(dir.FullName, "shared", "docs"));
        }

        Assert.SkipUnless(shared, "Browser test skipped: the shared folder (../shared) is absent.");
        Assert.True(File.Exists(Chromium) && File.Exists(Path.Combine(ChromeDriverDirectory, "chromedriver")),
            $"Chromium and chromedriver are needed at {Chromium} and {ChromeDriverDirectory}/chromedriver: apt-get install -y chromium chromium-driver");
    }
}
