using LibraryBot.Bot.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>
/// Headless Chromium on the console of a running server: sign in, wait for the page, and keep screenshots (in the
/// server's folder) of each step and of a failure, with the server's output in the failure message.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    private readonly BotProcess _bot;
    private readonly HeadlessChromium _chromium;

    private ConsoleBrowser(BotProcess bot)
    {
        _bot = bot;
        _chromium = new HeadlessChromium(1280, 900);
    }

    public ChromeDriver Driver => _chromium.Driver;

    public WebDriverWait Wait => _chromium.Wait;

    /// <summary>Opens the console (skips the test when the shared folder is absent; fails when Chromium is missing).</summary>
    public static ConsoleBrowser Open(BotProcess bot)
    {
        var browser = new ConsoleBrowser(bot);
        browser.Driver.Navigate().GoToUrl(new Uri(bot.BaseAddress, "/console"));
        browser.Wait.Until(d => d.FindElement(By.Id("username")).Displayed);
        return browser;
    }

    public IWebElement Find(string id) => Driver.FindElement(By.Id(id));

    /// <summary>Types the credentials and submits the sign-in form.</summary>
    public void SubmitSignIn(string username, string password)
    {
        var user = Find("username");
        user.Clear();
        user.SendKeys(username);
        var secret = Find("password");
        secret.Clear();
        secret.SendKeys(password + Keys.Enter);
    }

    /// <summary>Signs in and waits for the console (queue page) to show.</summary>
    public void SignIn(string username, string password)
    {
        SubmitSignIn(username, password);
        Wait.Until(d => d.FindElement(By.Id("app")).Displayed && d.FindElement(By.Id("hours")).Text.Length > 0);
    }

    /// <summary>Waits until <paramref name="text"/> of the element with this id satisfies the condition; returns the text.</summary>
    public string WaitForText(string id, Func<string, bool> condition) =>
        Wait.Until(d => d.FindElement(By.Id(id)).Text is var text && condition(text) ? text : null)!;

    /// <summary>Picks the option with this value in the select with this id.</summary>
    public void Choose(string id, string value) => Driver.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    public string Screenshot(string name)
    {
        var path = Path.Combine(_bot.Directory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Runs a browser test step; on failure saves a screenshot and adds the server's output to the error.</summary>
    public async Task RunAsync(string name, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception ex)
        {
            var shot = Screenshot(name + "-failure");
            throw new InvalidOperationException($"The console test failed; screenshot: {shot}\n{ex.Message}\nServer output:\n{_bot.Output}", ex);
        }
    }

    public void Dispose() => _chromium.Dispose();
}
