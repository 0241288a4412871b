using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Integration;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Start_WhenASettingIsInvalid_StopsWithOneLineNamingTheKey()
    {
        var bot = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Outbox__MaxAttempts"] = "0",
            ["Storage__Provider"] = "Sqlite",
        }));
        Assert.Contains("exited with code 2", bot.Message);
        Assert.Contains("Configuration error: Outbox:MaxAttempts:", bot.Message);
        Assert.DoesNotContain("   at ", bot.Message);
    }

    [Fact]
    public async Task Start_WhenSandboxIsOffWithoutCredentials_NamesEachMissingKey()
    {
        var bot = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string> { ["Sandbox__Enabled"] = "false" }));
        Assert.Contains("Configuration error: Channels:WhatsApp:AppSecret", bot.Message);
        Assert.Contains("Configuration error: Channels:WeChat:Token", bot.Message);
    }

    [Fact]
    public async Task Start_WhenSip2HasNoSru_NamesTheKeyInsteadOfCrashing()
    {
        const string provider = "Sip2";
        var bot = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Catalog__Provider"] = provider,
        }));
        Assert.Contains("exited with code 2", bot.Message);
        Assert.Contains($"Configuration error: Catalog:Search: must be Sru when Catalog:Provider is {provider}", bot.Message);
        Assert.DoesNotContain("   at ", bot.Message);
        Assert.DoesNotContain("Unhandled exception", bot.Message);
    }
}
