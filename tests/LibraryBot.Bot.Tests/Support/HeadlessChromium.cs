using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LibraryBot.Bot.Tests.Support;

/// <summary>
/// Debian's Chromium driven by its chromedriver, headless, with a fresh profile (the console and simulator browser
/// tests share it). Nothing is downloaded; a missing browser fails the test with how to install it.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverDirectory = "/usr/bin";
    private readonly ChromeDriverService _service;

    public HeadlessChromium(int width, int height)
    {
        RequireBrowser();
        var profile = Directory.CreateTempSubdirectory("librarybot-chromium-");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}");
        _service = ChromeDriverService.CreateDefaultService(ChromeDriverDirectory, "chromedriver");
        _service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
        Wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(20));
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
    }

    public ChromeDriver Driver { get; }

    public WebDriverWait Wait { get; }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
    }

    /// <summary>Skips when the shared folder is absent (as the other browser-free suites do); fails when Chromium is missing.</summary>
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
