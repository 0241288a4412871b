using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The console's first minutes in headless Chromium, on a server of its own (an empty queue): sign-in errors, presence, the empty queue.</summary>
public sealed class ConsoleSignInBrowserTests(StaffServer server) : IClassFixture<StaffServer>
{
    [Fact]
    public async Task SignIn_WhenThePasswordIsWrong_SaysSoAndAfterTooManyFailuresSaysWhenToRetry()
    {
        await server.CreateStaffAsync("locked-out", "librarian");
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-signin-errors", () =>
        {
            browser.SubmitSignIn("locked-out", "not-the-password");
            browser.WaitForText("login-error", text => text == "Wrong username or password.");
            Assert.True(browser.Find("signin").Displayed);
            browser.Screenshot("console-signin-wrong");

            for (var attempt = 2; attempt <= 5; attempt++)
            {
                ((IJavaScriptExecutor)browser.Driver).ExecuteScript("document.getElementById('login-error').textContent = ''");
                browser.SubmitSignIn("locked-out", "not-the-password");
                browser.WaitForText("login-error", text => text == "Wrong username or password.");
            }

            browser.SubmitSignIn("locked-out", StaffServer.StaffPassword);
            browser.WaitForText("login-error", text => text.StartsWith("Too many failed sign-ins. Try again in 15 minutes (at ", StringComparison.Ordinal));
            browser.Screenshot("console-signin-throttled");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task FirstSignIn_WhenNobodyWaits_ShowsAFriendlyEmptyQueueAndTheLibrarianIsAvailable()
    {
        await server.CreateStaffAsync("first-day", "librarian");
        using var browser = ConsoleBrowser.Open(server.Bot);
        await browser.RunAsync("console-empty-queue", async () =>
        {
            browser.SignIn("first-day", StaffServer.StaffPassword);

            var empty = browser.Wait.Until(d => d.FindElement(By.Id("queue-empty")) is { Displayed: true } e ? e : null);
            Assert.StartsWith("No one is waiting.", empty.Text, StringComparison.Ordinal);
            Assert.Equal("true", browser.Find("presence").GetDomProperty("value"));
            browser.Wait.Until(d => d.FindElement(By.Id("live")).Text == "live");
            browser.Screenshot("console-empty-queue");

            // The first request arrives live and replaces the empty state.
            using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
            var id = await server.EscalateAsync(admin, "15550007001");
            browser.Wait.Until(d => d.FindElements(By.CssSelector($".queue-item[data-id='{id}']")).Count == 1);
            Assert.False(browser.Find("queue-empty").Displayed);
        });
    }
}
