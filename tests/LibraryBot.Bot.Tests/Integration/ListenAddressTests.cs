using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>
/// The standard ASP.NET Core address settings decide where the server listens (appsettings.json no longer outranks
/// them); the sandbox default applies only when none is given.
/// </summary>
public sealed class ListenAddressTests
{
    public static readonly TheoryData<string, string> Settings = new()
    {
        { "ASPNETCORE_URLS", "http://127.0.0.1:" + BotProcess.PortPlaceholder },
        { "ASPNETCORE_HTTP_PORTS", BotProcess.PortPlaceholder },
        { "Kestrel__Endpoints__Http__Url", "http://127.0.0.1:" + BotProcess.PortPlaceholder },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Start_WhenAStandardAddressSettingIsGiven_ListensThere(string key, string value)
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Urls"] = BotProcess.Unset, [key] = value });
        using var health = await bot.Http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode);
        Assert.DoesNotContain("localhost:5080", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenUrlsIsGivenOnTheCommandLine_ListensThere()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Urls"] = BotProcess.Unset },
            arguments: ["--urls", "http://127.0.0.1:" + BotProcess.PortPlaceholder]);
        using var health = await bot.Http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode);
    }
}
