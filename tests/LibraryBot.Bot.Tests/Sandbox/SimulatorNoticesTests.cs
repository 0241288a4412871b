using LibraryBot.Bot.Tests.Notices;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>
/// The simulator's "Run notices now" as a newcomer uses it (the README's tour): link Ana's card in the chat, say yes to
/// notices, press the button, and her hold-ready and overdue notices arrive in the chat as one message.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class SimulatorNoticesTests(NoticesServer server) : IClassFixture<NoticesServer>
{
    [Fact]
    public async Task RunNoticesNow_AfterAnaLinksHerCardAndAcceptsNotices_HerDigestArrivesInTheChat()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(RunNoticesNow_AfterAnaLinksHerCardAndAcceptsNotices_HerDigestArrivesInTheChat), () =>
        {
            browser.Patron("15550009101");
            browser.Driver.FindElement(By.Id("run-notices")).Click();
            Assert.StartsWith("Nothing new to send", browser.Wait.Until(d => d.FindElement(By.Id("notices-result")).Text is var t && t.StartsWith("Nothing", StringComparison.Ordinal) ? t : null), StringComparison.Ordinal);

            browser.Say("link card");
            browser.BotRow(t => t.Contains("card number", StringComparison.Ordinal));
            browser.Say("29000100000011");
            browser.BotRow(t => t.Contains("PIN", StringComparison.Ordinal));
            browser.Say("1234");
            var offer = browser.BotRow(t => t.Contains("Would you like Alder Bay Public Library to send you notices", StringComparison.Ordinal));
            offer.FindElements(By.TagName("button")).First(b => b.Text == "Yes").Click();
            browser.BotRow(t => t.Contains("will send you notices here on WhatsApp", StringComparison.Ordinal));

            browser.Driver.FindElement(By.Id("run-notices")).Click();
            Assert.Equal("Sent 1 message (2 notices) — watch the chat.",
                browser.Wait.Until(d => d.FindElement(By.Id("notices-result")).Text is var t && t.StartsWith("Sent", StringComparison.Ordinal) ? t : null));
            var digest = browser.BotRow(t => t.Contains("Pepita Jiménez", StringComparison.Ordinal));
            Assert.Contains("Hello Ana, a message from Alder Bay Public Library:", digest.Text, StringComparison.Ordinal);
            Assert.Contains("Truyện Kiều was due on", digest.Text, StringComparison.Ordinal);
            Assert.True(browser.InView(digest), "The digest is scrolled into view.");
            browser.Shot("simulator-run-notices");
        });
    }
}
