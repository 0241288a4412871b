using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>
/// The simulator page of a real server in headless Chromium, with an exact viewport; helpers to chat as the patron
/// and read the chat. Screenshots go to the server's folder (<c>screens/</c>).
/// </summary>
public sealed class SimulatorBrowser : IDisposable
{
    private readonly BotProcess _bot;
    private readonly HeadlessChromium _chromium;

    private SimulatorBrowser(BotProcess bot, int width, int height, bool mobile)
    {
        _bot = bot;
        _chromium = new HeadlessChromium(1920, 1200);
        Resize(width, height, mobile);
        Driver.Navigate().GoToUrl(bot.BaseAddress);
        Wait.Until(d => d.FindElements(By.CssSelector("#chats ol.chat:not([hidden])")).Count == 1);
    }

    public ChromeDriver Driver => _chromium.Driver;

    public WebDriverWait Wait => _chromium.Wait;

    /// <summary>The visible conversation's list.</summary>
    public IWebElement Chat => Driver.FindElement(By.CssSelector("#chats ol.chat:not([hidden])"));

    public static SimulatorBrowser Open(BotProcess bot, int width = 1366, int height = 768, bool mobile = false) => new(bot, width, height, mobile);

    /// <summary>Sets the viewport to exactly this size (CSS pixels), as a desktop window or a phone.</summary>
    public void Resize(int width, int height, bool mobile = false) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    public void Tab(string channel)
    {
        Driver.FindElement(By.Id("tab-" + channel)).Click();
        Wait.Until(d => Chat.GetDomAttribute("data-channel") == channel);
    }

    /// <summary>Types a patron id (a new conversation in this tab).</summary>
    public void Patron(string id)
    {
        var input = Driver.FindElement(By.Id("patron-id"));
        input.Clear();
        input.SendKeys(id + Keys.Tab);
        Wait.Until(d => Chat.GetDomAttribute("data-patron") == id);
    }

    public void Say(string text) => Driver.FindElement(By.Id("message")).SendKeys(text + Keys.Enter);

    /// <summary>The texts of the visible chat's rows, as "bot: …" / "patron: …" / "error: …".</summary>
    public IReadOnlyList<string> Rows() =>
        [.. ((IEnumerable<object>)Js("return [...arguments[0].querySelectorAll('li.msg')].map(li => li.className.replace('msg ', '') + ': ' + li.innerText.trim());", Chat)).Cast<string>()];

    /// <summary>Waits for a bot row whose text satisfies <paramref name="match"/>; returns it.</summary>
    public IWebElement BotRow(Func<string, bool> match) =>
        Wait.Until(d => Chat.FindElements(By.CssSelector("li.msg.bot")).FirstOrDefault(li => match(li.Text)));

    public object Js(string script, params object[] args) => Driver.ExecuteScript(script, args)!;

    /// <summary>Whether the element is laid out and scrolled into the visible part of the chat.</summary>
    public bool InView(IWebElement element) => (bool)Js("""
        const r = arguments[0].getBoundingClientRect(), c = arguments[1].getBoundingClientRect();
        return r.height > 0 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
        """, element, Chat);

    public string Shot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_bot.Directory, "screens")).FullName;
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Runs a test's steps; a failure is reported with a screenshot and the server's output.</summary>
    public async Task RunAsync(string test, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{test} failed; screenshot: {Shot(test + "-failure")}\n{ex.Message}\nServer output:\n{_bot.Output}", ex);
        }
    }

    public Task RunAsync(string test, Action steps) => RunAsync(test, () =>
    {
        steps();
        return Task.CompletedTask;
    });

    public void Dispose() => _chromium.Dispose();
}
