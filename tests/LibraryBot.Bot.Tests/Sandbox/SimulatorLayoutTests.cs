using System.Collections.ObjectModel;
using LibraryBot.Bot.Tests.Handoff;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>
/// The simulator page's layout in headless Chromium: patron chat and librarians' console side by side on laptop and
/// desktop screens, one under the other when narrow, and the patron side usable at a phone's width.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class SimulatorLayoutTests(StaffServer server) : IClassFixture<StaffServer>
{
    private const int MinConsoleWidth = 560;

    [Fact]
    public async Task LaptopAndDesktop_ChatAndConsoleSideBySide_ConsoleReplyBoxInViewWithoutScrollingThePage()
    {
        const string patron = "15550003201";
        (await server.StaffAsync("layout-librarian", "librarian")).Dispose();
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(LaptopAndDesktop_ChatAndConsoleSideBySide_ConsoleReplyBoxInViewWithoutScrollingThePage), () =>
        {
            browser.Patron(patron);
            browser.Say("librarian");
            browser.BotRow(_ => true);
            browser.Say("yes");
            ClaimInConsole(browser, StaffServer.IdOf(patron));

            foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
            {
                browser.Resize(width, height);
                var m = Measure(browser);
                browser.Shot($"layout-{width}x{height}");
                var at = $" at {width}×{height}: {string.Join(", ", m.Select(kv => kv.Key + "=" + kv.Value))}";
                Assert.True(m["pageHeight"] <= height && m["pageWidth"] <= width, "The page scrolls" + at);
                Assert.True(m["frameWidth"] >= MinConsoleWidth, "The console frame is too narrow" + at);
                Assert.True(m["frameLeft"] >= m["phoneRight"], "The console is not beside the chat" + at);
                Assert.True(m["frameBottom"] <= height && m["composerBottom"] <= height, "The console or the chat's composer is below the fold" + at);
                Assert.True(m["replyBottom"] <= Math.Min(m["frameBottom"], height) && m["replyHeight"] > 0 && m["pageScrolled"] == 0,
                    "The console's reply box cannot be brought into view without scrolling the page" + at);
            }

            browser.Resize(900, 1000);
            var narrow = Measure(browser);
            browser.Shot("layout-900x1000");
            Assert.True(narrow["frameTop"] >= narrow["phoneBottom"] && narrow["pageWidth"] <= 900, "At 900 px the console is not under the chat.");
        });
    }

    [Fact]
    public async Task PhoneWidth_PatronSideFits_LongMessagesWrap()
    {
        using var browser = SimulatorBrowser.Open(server.Bot, 390, 844, mobile: true);
        await browser.RunAsync(nameof(PhoneWidth_PatronSideFits_LongMessagesWrap), () =>
        {
            browser.Patron("15550003202");
            var word = "https://library.example.org/" + new string('x', 160);
            browser.Say(word + " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore");
            var echo = browser.BotRow(t => t.Contains("xxxxxxxx", StringComparison.Ordinal));
            Assert.True(browser.InView(echo), "The bot's answer is not scrolled into view.");
            browser.Js("window.scrollTo(0, 0);");
            browser.Shot("phone-390");
            var overflow = (ReadOnlyCollection<object>)browser.Js("""
                const chat = document.querySelector('#chats ol.chat:not([hidden])').getBoundingClientRect();
                const rows = [...document.querySelectorAll('#chats ol.chat:not([hidden]) li.msg')].map(li => (li.querySelector('.stack') || li).getBoundingClientRect());
                const overlaps = rows.slice(1).filter((r, i) => r.top < rows[i].bottom - 1).map(() => 'overlapping rows');
                const out = [...document.querySelectorAll('#chats ol.chat:not([hidden]) .bubble')]
                  .filter(b => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > chat.right + 1 || b.getBoundingClientRect().left < chat.left - 1)
                  .map(b => b.innerText.slice(0, 40)).concat(overlaps);
                const wide = document.documentElement.scrollWidth > innerWidth ? ['page ' + document.documentElement.scrollWidth] : [];
                const composer = document.getElementById('composer').getBoundingClientRect();
                return [...out, ...wide, ...(composer.right > innerWidth || composer.left < 0 ? ['composer'] : [])];
                """);
            Assert.Empty(overflow);
            Assert.True(browser.Driver.FindElement(By.Id("message")).Displayed && browser.Driver.FindElement(By.Id("send-location")).Displayed);
        });
    }

    private static void ClaimInConsole(SimulatorBrowser browser, string conversationId)
    {
        var driver = browser.Driver;
        driver.SwitchTo().Frame(driver.FindElement(By.Id("console-frame")));
        try
        {
            browser.Wait.Until(d => d.FindElement(By.Id("username")).Displayed);
            driver.FindElement(By.Id("username")).SendKeys("layout-librarian");
            driver.FindElement(By.Id("password")).SendKeys(StaffServer.StaffPassword + Keys.Enter);
            var item = By.CssSelector($".queue-item[data-id='{conversationId}']");
            browser.Wait.Until(d => d.FindElement(item).Displayed);
            browser.Wait.Until(d =>
            {
                d.FindElement(item).SendKeys(Keys.Enter);
                return true;
            });
            browser.Wait.Until(d => d.FindElement(By.Id("claim")) is { Displayed: true, Enabled: true } claim ? claim : null).Click();
            browser.Wait.Until(d => d.FindElement(By.Id("reply-text")) is { Displayed: true, Enabled: true });
        }
        finally
        {
            driver.SwitchTo().DefaultContent();
        }
    }

    /// <summary>Where things are (CSS pixels, viewport coordinates; the reply box, once scrolled to, in the page's coordinates).</summary>
    private static Dictionary<string, double> Measure(SimulatorBrowser browser)
    {
        var values = (IReadOnlyDictionary<string, object>)browser.Js("""
            const frame = document.getElementById('console-frame');
            const f = frame.getBoundingClientRect();
            const p = document.getElementById('phone').getBoundingClientRect();
            // The console scrolls itself as it needs; the page around it must not move.
            frame.contentDocument.getElementById('reply-text').scrollIntoView({ block: 'nearest' });
            const reply = frame.contentDocument.getElementById('reply-text').getBoundingClientRect();
            return {
              pageWidth: document.documentElement.scrollWidth, pageHeight: document.documentElement.scrollHeight,
              frameLeft: f.left, frameTop: f.top, frameWidth: f.width, frameBottom: f.bottom,
              phoneRight: p.right, phoneBottom: p.bottom,
              composerBottom: document.getElementById('composer').getBoundingClientRect().bottom,
              replyBottom: f.top + reply.bottom, replyHeight: reply.height, pageScrolled: scrollX + scrollY,
            };
            """);
        return values.ToDictionary(kv => kv.Key, kv => Convert.ToDouble(kv.Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
