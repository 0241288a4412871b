using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>
/// The simulator page in headless Chromium against the real server: what the patron sends and how the bot's answers,
/// as the fake channel APIs received them, look in each tab.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class SimulatorChatTests(StaffServer server) : IClassFixture<StaffServer>
{
    [Fact]
    public async Task LocationButton_SharesAPointNearTheFirstBranch_SoTheNearestBranchIsAbout400MetresAway()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(LocationButton_SharesAPointNearTheFirstBranch_SoTheNearestBranchIsAbout400MetresAway), () =>
        {
            browser.Patron("15550003101");
            browser.Driver.FindElement(By.Id("send-location")).Click();
            var reply = browser.BotRow(t => t.Contains("km away", StringComparison.Ordinal));
            Assert.Contains("The nearest branch is Central Library, about 0.4 km away", reply.Text, StringComparison.Ordinal);
            Assert.Contains("📍", browser.Rows().First(r => r.StartsWith("patron", StringComparison.Ordinal)), StringComparison.Ordinal);
            browser.Shot("location");
        });
    }

    [Fact]
    public async Task WhatsAppFormatting_ShowsBoldItalicStrikeAndCodeWithoutMarkers_AndMessageTextNeverBecomesHtml()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(WhatsAppFormatting_ShowsBoldItalicStrikeAndCodeWithoutMarkers_AndMessageTextNeverBecomesHtml), () =>
        {
            browser.Patron("15550003102");
            browser.Say("qzx *<img src=x onerror=window.injected=1>* _slanted_ ~struck~ `inline` ```mono``` qzx");
            var echo = browser.BotRow(t => t.Contains("onerror", StringComparison.Ordinal));
            Assert.Equal("<img src=x onerror=window.injected=1>", echo.FindElement(By.CssSelector("strong")).Text);
            Assert.Equal("slanted", echo.FindElement(By.CssSelector("em")).Text);
            Assert.Equal("struck", echo.FindElement(By.CssSelector("s")).Text);
            Assert.Equal("inline", echo.FindElement(By.CssSelector("code.inline")).Text);
            Assert.Equal("mono", echo.FindElement(By.CssSelector("code.mono")).Text);
            Assert.DoesNotContain("*", echo.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("`", echo.Text, StringComparison.Ordinal);
            Assert.Equal(0L, browser.Js("return document.querySelectorAll('#chats img').length;"));
            Assert.Equal("undefined", browser.Js("return typeof window.injected;"));

            // The bot's own bold: a record's title.
            browser.Say("moby dick");
            var record = browser.BotRow(t => t.Contains("Melville", StringComparison.Ordinal));
            Assert.Equal("Moby-Dick", record.FindElement(By.CssSelector("strong")).Text);
            Assert.DoesNotContain("*Moby", record.Text, StringComparison.Ordinal);
            browser.Shot("whatsapp-formatting");
        });
    }

    [Fact]
    public async Task SmsTab_TextsTheBotThroughTheFakeTwilio_AndShowsPlainTextRepliesWithNumberedChoices()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(SmsTab_TextsTheBotThroughTheFakeTwilio_AndShowsPlainTextRepliesWithNumberedChoices), () =>
        {
            browser.Tab("sms");
            browser.Patron("+15550003105");
            Assert.False(browser.Driver.FindElement(By.Id("send-location")).Displayed, "SMS cannot share a location.");
            Assert.False(browser.Driver.FindElement(By.Id("patron-name")).Displayed, "SMS has no profile name.");
            browser.Say("hello");
            browser.BotRow(t => t.Contains("library's assistant", StringComparison.Ordinal));
            browser.Say("menu");
            var menu = browser.BotRow(t => t.Contains("1. ", StringComparison.Ordinal));
            Assert.Empty(menu.FindElements(By.CssSelector("button")));
            Assert.Contains("2. ", menu.Text, StringComparison.Ordinal);

            // Twilio answers STOP itself (and then blocks the bot's replies): its answer shows, marked as Twilio's.
            browser.Say("STOP");
            var twilio = browser.BotRow(t => t.Contains("successfully been unsubscribed", StringComparison.Ordinal));
            Assert.Contains("sent by Twilio itself", twilio.Text, StringComparison.Ordinal);
            browser.Shot("sms-tab");
        });
    }

    [Fact]
    public async Task ModeSelector_ShowsOnlyOnTheWeChatTab()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(ModeSelector_ShowsOnlyOnTheWeChatTab), () =>
        {
            var mode = browser.Driver.FindElement(By.Id("wechat-mode"));
            Assert.False(mode.Displayed, "The WeChat mode shows on the WhatsApp tab.");
            browser.Tab("wechat");
            Assert.True(mode.Displayed, "The WeChat mode is missing on the WeChat tab.");
            Assert.False(browser.Driver.FindElement(By.Id("patron-name")).Displayed, "WhatsApp's profile name shows on the WeChat tab.");
            browser.Tab("whatsapp");
            Assert.False(mode.Displayed, "The WeChat mode shows again on the WhatsApp tab.");
        });
    }

    [Fact]
    public async Task SwitchingTabs_KeepsEachConversation_AndShowsWhatArrivedMeanwhileOnceInOrder()
    {
        const string phone = "15550003104";
        const string openId = "oSimulatorTabs3104";
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(SwitchingTabs_KeepsEachConversation_AndShowsWhatArrivedMeanwhileOnceInOrder), async () =>
        {
            browser.Patron(phone);
            browser.Say("hello");
            var sentBefore = await SettledAsync("whatsapp", phone);
            ShowsAll(browser, sentBefore);
            var whatsApp = browser.Rows();

            browser.Tab("wechat");
            browser.Patron(openId);
            browser.Say("moby dick");
            ShowsAll(browser, await SettledAsync("wechat", openId));
            browser.BotRow(t => t.Contains("passive reply", StringComparison.Ordinal));
            var weChat = browser.Rows();

            // While the WeChat tab is open, the WhatsApp patron writes from elsewhere and the bot answers.
            Assert.True((await WhatsAppWebhook.PostAsync(server.Bot.Http, WhatsAppWebhook.TextBody(phone, "menu"))).IsSuccessStatusCode);
            await server.Bot.WaitUntilAsync(async () => (await SentAsync("whatsapp", phone)).Count > sentBefore, "the bot's answer to the WhatsApp patron");
            var sentAfter = await SettledAsync("whatsapp", phone);
            browser.Wait.Until(d => d.FindElement(By.CssSelector("#tab-whatsapp .unread")).Text == (sentAfter - sentBefore).ToString(System.Globalization.CultureInfo.InvariantCulture));

            browser.Tab("whatsapp");
            browser.Wait.Until(d => browser.Rows().Count == whatsApp.Count + (sentAfter - sentBefore));
            var back = browser.Rows();
            Assert.Equal(whatsApp, back.Take(whatsApp.Count));
            Assert.All(back.Skip(whatsApp.Count), r => Assert.StartsWith("bot:", r, StringComparison.Ordinal));
            Assert.Equal(sentAfter, back.Count(r => r.StartsWith("bot:", StringComparison.Ordinal)));
            browser.Shot("tabs-whatsapp-back");

            browser.Tab("wechat");
            Assert.Equal(weChat, browser.Rows());
        });
    }

    [Fact]
    public async Task Bubbles_LookLikeEachChannel_WeChatCardsAndAvatars_WhatsAppButtonsAndLists()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(Bubbles_LookLikeEachChannel_WeChatCardsAndAvatars_WhatsAppButtonsAndLists), () =>
        {
            browser.Tab("wechat");
            browser.Patron("oSimulatorLook3105");
            browser.Say("moby dick");
            var card = browser.Wait.Until(d => browser.Chat.FindElement(By.CssSelector("li.msg.bot .card.news")));
            Assert.Equal("Moby-Dick", card.FindElement(By.CssSelector("h3")).Text);
            Assert.True(Pixels(card.GetCssValue("padding-top")) >= 8 && Pixels(card.GetCssValue("padding-left")) >= 8, "The WeChat news card has no padding.");
            Assert.Equal("rgba(255, 255, 255, 1)", card.GetCssValue("background-color"));
            var mine = browser.Chat.FindElement(By.CssSelector("li.msg.patron .bubble"));
            Assert.Equal("rgba(149, 236, 105, 1)", mine.GetCssValue("background-color"));
            Assert.True(Pixels(mine.GetCssValue("padding-left")) >= 8, "The WeChat bubble has no padding.");
            Assert.NotEmpty(browser.Chat.FindElements(By.CssSelector("li.msg.bot .avatar")));
            browser.Shot("wechat-look");

            browser.Tab("whatsapp");
            browser.Patron("15550003105");
            browser.Say("menu");
            var open = browser.Wait.Until(d => browser.Chat.FindElement(By.CssSelector("li.msg.bot .bubble .list-open")));
            Assert.Equal("rgba(217, 253, 211, 1)", browser.Chat.FindElement(By.CssSelector("li.msg.patron .bubble")).GetCssValue("background-color"));
            Assert.NotEmpty(browser.Chat.FindElements(By.CssSelector("li.msg.bot .bubble .time")));
            open.Click();
            var rows = browser.Wait.Until(d => d.FindElements(By.CssSelector("#sheet:not([hidden]) button.row")) is { Count: >= 2 } r ? r : null);
            browser.Shot("whatsapp-list");
            var title = rows[0].FindElement(By.CssSelector(".title")).Text;
            rows[0].Click();
            Assert.False(browser.Driver.FindElement(By.Id("sheet")).Displayed);
            browser.Wait.Until(d => browser.Rows().Any(r => r.StartsWith("patron: " + title, StringComparison.Ordinal)));
        });
    }

    [Fact]
    public async Task BusyIndicator_ShowsFromSendingUntilTheBotAnswers()
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        await browser.RunAsync(nameof(BusyIndicator_ShowsFromSendingUntilTheBotAnswers), () =>
        {
            browser.Patron("15550003108");
            var shown = browser.Js("""
                document.getElementById('message').value = 'hours';
                document.querySelector('#composer button[type=submit]').click();
                const typing = document.querySelector('#chats ol.chat:not([hidden]) .typing');
                return typing !== null && typing.getBoundingClientRect().height > 0 && typing.parentElement.getAttribute('aria-busy') === 'true';
                """);
            Assert.Equal(true, shown);
            browser.Shot("busy");
            browser.BotRow(_ => true);
            browser.Wait.Until(d => !browser.Chat.FindElement(By.CssSelector(".typing")).Displayed);
            Assert.Equal("false", browser.Chat.GetDomAttribute("aria-busy"));
        });
    }

    private static double Pixels(string css) => double.Parse(css.Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<JsonNode>> SentAsync(string channel, string to) =>
        [.. JsonNode.Parse(await server.Bot.Http.GetStringAsync($"/sandbox/{channel}/messages?to={to}"))!.AsArray().Select(n => n!)];

    /// <summary>Waits until the fake API has received something for this patron and then nothing for 1.5 s; returns the count.</summary>
    private async Task<int> SettledAsync(string channel, string to)
    {
        var count = -1;
        var since = DateTime.UtcNow;
        await server.Bot.WaitUntilAsync(async () =>
        {
            var now = (await SentAsync(channel, to)).Count;
            if (now != count)
            {
                (count, since) = (now, DateTime.UtcNow);
            }

            return count > 0 && DateTime.UtcNow - since > TimeSpan.FromSeconds(1.5);
        }, $"the bot's answers at the fake {channel} API");
        return count;
    }

    /// <summary>Waits until the visible chat shows this many of the fake API's messages (passive replies aside).</summary>
    private static void ShowsAll(SimulatorBrowser browser, int count) =>
        browser.Wait.Until(d => browser.Chat.FindElements(By.CssSelector("li.msg.bot:not(:has(.note))")).Count == count);
}
