using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>The SMS number form of the console's conversation view in headless Chromium: a bad number is refused with the server's reason, a good one is shown masked.</summary>
public sealed class SmsNumberConsoleBrowserTests(StaffServer server) : IClassFixture<StaffServer>
{
    [Fact]
    public async Task SmsNumber_ABadNumberIsRefusedWithTheReason_AGoodOneIsShownMasked()
    {
        var patron = Phones.New(Phones.UnitedStates);
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        await server.CreateStaffAsync("sms-browser", "librarian");
        var id = await server.EscalateAsync(admin, patron);
        var (typed, e164) = SmsNumberTranscriptTests.NewNumber("+1 415 5", 6, "+14155");
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-sms-number", () =>
        {
            browser.SignIn("sms-browser", StaffServer.StaffPassword);
            browser.Wait.Until(d => d.FindElement(By.CssSelector($".queue-item[data-id='{id}']"))).Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector("#sms-number summary")) is { Displayed: true } summary ? summary : null).Click();
            browser.WaitForText("sms-current", text => text.Contains("No SMS number registered", StringComparison.Ordinal));

            browser.Find("sms-input").SendKeys("555 0100");
            browser.Find("sms-agreed").Click();
            browser.Find("sms-save").Click();
            browser.WaitForText("sms-status", text => text.Contains("not a valid mobile number", StringComparison.Ordinal));

            browser.Find("sms-input").Clear();
            browser.Find("sms-input").SendKeys(typed);
            browser.Find("sms-only").Click();
            browser.Find("sms-save").Click();
            browser.WaitForText("sms-current", text => text == $"Registered: {SmsNumberTranscriptTests.Masked(e164)} — notices by SMS only");
            browser.Screenshot("console-sms-number");
            return Task.CompletedTask;
        });
    }
}
