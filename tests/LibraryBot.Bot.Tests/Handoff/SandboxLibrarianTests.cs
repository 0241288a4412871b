using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The sandbox's demo librarian: created at the first sandbox start with its password in the start line, never outside the sandbox.</summary>
public sealed partial class SandboxLibrarianTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sandbox_WhenItFirstStarts_PrintsTheDemoLibrariansPasswordOnceNextToTheSimulatorAddress()
    {
        await using var bot = await BotProcess.StartAsync();
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Output.Contains("SANDBOX mode", StringComparison.Ordinal)), "the sandbox start line");

        var line = StartLine().Match(bot.Output);
        Assert.True(line.Success, "No start line with the console sign-in:\n" + bot.Output);
        Assert.Equal(bot.BaseAddress.ToString(), line.Groups["url"].Value);
        var signIn = await bot.Http.PostAsJsonAsync("/api/staff/login", new { username = line.Groups["user"].Value, password = line.Groups["password"].Value }, Ct);
        Assert.True(signIn.IsSuccessStatusCode, $"Sign-in with the printed password: {(int)signIn.StatusCode}");
        using var librarian = new HttpClient { BaseAddress = bot.BaseAddress };
        librarian.DefaultRequestHeaders.Authorization = new("Bearer", (string?)JsonNode.Parse(await signIn.Content.ReadAsStringAsync(Ct))!["accessToken"]);
        var me = JsonNode.Parse(await librarian.GetStringAsync("/api/staff/me", Ct))!;
        Assert.Equal(SandboxLibrarian.DisplayName, (string?)me["displayName"]);
        Assert.Equal("librarian", (string?)me["role"]);

        await bot.KillAsync();
        await bot.StartAsync();
        await bot.WaitUntilAsync(() => Task.FromResult(Regex.Count(bot.Output, "SANDBOX mode") == 2), "the second start line");
        Assert.Single(StartLine().Matches(bot.Output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Seeder_CreatesTheDemoLibrarianOnlyInTheSandbox(bool sandbox)
    {
        await using var bot = TestBot.Create(settings: new Dictionary<string, string?> { ["Sandbox:Enabled"] = sandbox ? "true" : "false" });
        var seeder = bot.Services.GetServices<IHostedService>().OfType<SandboxLibrarianSeeder>().Single();

        await seeder.StartAsync(Ct);

        var accounts = await bot.Services.GetRequiredService<IStaffStore>().ListAsync(Ct);
        var printed = bot.Services.GetRequiredService<SandboxLibrarian>().NewPassword;
        Assert.Equal(sandbox ? [SandboxLibrarian.Username] : Array.Empty<string>(), accounts.Select(a => a.Username).ToArray());
        Assert.Equal(sandbox, printed is not null);
    }

    [GeneratedRegex(@"open (?<url>\S+) to chat with it; the console beside the patron signs in as (?<user>\S+) with password (?<password>\S+) \(shown only this once\)")]
    private static partial Regex StartLine();
}
