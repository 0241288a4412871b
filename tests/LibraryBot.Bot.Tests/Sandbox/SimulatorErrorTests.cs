using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>The simulator page shows what went wrong on the server instead of dropping it (headless Chromium, its own server).</summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class SimulatorErrorTests
{
    [Fact]
    public async Task ServerErrors_AreShownInThePage_TheWebhooksRefusalWithItsReason_AndAServerThatStopsAnswering()
    {
        // A small webhook body limit, so a long message is refused by the real webhook with 413.
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Channels__WhatsApp__MaxBodyBytes"] = "1024" });
        using var browser = SimulatorBrowser.Open(bot);
        await browser.RunAsync(nameof(ServerErrors_AreShownInThePage_TheWebhooksRefusalWithItsReason_AndAServerThatStopsAnswering), async () =>
        {
            browser.Patron("15550003301");
            browser.Say(string.Concat(Enumerable.Repeat("a long message ", 80)));
            var error = browser.Wait.Until(d => browser.Chat.FindElement(By.CssSelector("li.msg.error")));
            Assert.Contains("413", error.Text, StringComparison.Ordinal);
            Assert.Contains("larger than the 1024 bytes allowed", error.Text, StringComparison.Ordinal);
            Assert.True(browser.InView(error), "The error is not in view.");
            Assert.False(browser.Chat.FindElement(By.CssSelector(".typing")).Displayed, "The busy indicator stays after the refusal.");
            browser.Shot("error-413");

            await bot.KillAsync();
            var problem = browser.Wait.Until(d => d.FindElement(By.Id("problem")) is { Displayed: true } p ? p : null);
            Assert.Contains("not answering", problem.Text, StringComparison.Ordinal);
            browser.Shot("error-server-gone");
        });
    }
}
