using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary><c>create-staff</c> run as the real process: the account it creates signs in; every refusal is one line and a non-zero exit.</summary>
public sealed class CreateStaffCommandTests
{
    private const string Password = "ana-password-1";

    [Fact]
    public async Task CreateStaff_WithThePasswordOnStdin_CreatesAnAccountThatSignsInAndExits0()
    {
        var directory = NewDirectory();

        var result = await RunAsync(directory, Password + "\n", "--username", "ana", "--display-name", "Ana López", "--role", "librarian", "--password-stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Created the librarian account 'ana' (Ana López).", result.Output.Trim());
        Assert.DoesNotContain(Password, result.Output + result.Errors, StringComparison.Ordinal);
        await using var bot = await BotProcess.StartAsync(directory: directory);
        using var ana = await SignInAsync(bot, "ana", Password);
        var me = JsonNode.Parse(await ana.GetStringAsync("/api/staff/me", TestContext.Current.CancellationToken))!;
        Assert.Equal("Ana López", (string?)me["displayName"]);
        Assert.Equal("librarian", (string?)me["role"]);
    }

    [Fact]
    public async Task CreateStaff_WhenSomethingIsWrong_PrintsOneLineAndExitsNonZero()
    {
        var directory = NewDirectory();
        Assert.Equal(0, (await RunAsync(directory, Password + "\n", "--username", "taken", "--display-name", "Taken", "--password-stdin")).ExitCode);

        var cases = new (string Expected, string Input, string[] Args)[]
        {
            ("Error: the username 'TAKEN' is taken.", Password, ["--username", "TAKEN", "--display-name", "Again", "--password-stdin"]),
            ("Error: the password must be at least 10 characters.", "short", ["--username", "shorty", "--display-name", "Shorty", "--password-stdin"]),
            ("Error: --role must be one of librarian, outreach, admin.", Password, ["--username", "boss", "--display-name", "Boss", "--role", "boss", "--password-stdin"]),
            ("Error: --username must be 2 to 64", Password, ["--username", "two words", "--display-name", "Two", "--password-stdin"]),
            ("Error: --display-name is required.", Password, ["--username", "nameless", "--password-stdin"]),
            ("Error: unknown argument '--pasword-stdin'.", Password, ["--username", "typo", "--display-name", "Typo", "--pasword-stdin"]),
        };
        foreach (var (expected, input, args) in cases)
        {
            var result = await RunAsync(directory, input + "\n", args);

            Assert.True(result.ExitCode != 0, $"{expected}: exit code 0");
            var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith(expected, line, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Output);
        }
    }

    [Fact]
    public async Task CreateStaff_WithoutPasswordStdin_AsksForThePasswordAndReadsIt()
    {
        var directory = NewDirectory();

        var result = await RunAsync(directory, Password + "\n", "--username", "asked", "--display-name", "Asked", "--role", "outreach");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Password for asked", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Created the outreach account 'asked'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStaff_WhenASettingIsInvalid_NamesTheKeyAndExits2()
    {
        var directory = NewDirectory();

        var result = await RunAsync(directory, Password + "\n", new Dictionary<string, string> { ["Handoff__AvailableOnSignIn"] = "maybe" },
            "--username", "x1", "--display-name", "X", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Configuration error: Handoff:AvailableOnSignIn: must be true or false", result.Errors.Trim());
    }

    private static string NewDirectory() => Directory.CreateTempSubdirectory("librarybot-create-staff-").FullName;

    private static Task<ServerCommandResult> RunAsync(string directory, string input, params string[] args) =>
        RunAsync(directory, input, new Dictionary<string, string>(), args);

    private static Task<ServerCommandResult> RunAsync(string directory, string input, Dictionary<string, string> settings, params string[] args)
    {
        settings["Storage__Sqlite__Path"] = Path.Combine(directory, "bot.db");
        settings["Catalog__Embedded__Path"] = Path.Combine(directory, "demo-library.db");
        return ServerCommand.RunAsync(["create-staff", .. args], settings, input, directory);
    }

    private static async Task<HttpClient> SignInAsync(BotProcess bot, string username, string password)
    {
        var response = await bot.Http.PostAsync("/api/staff/login",
            System.Net.Http.Json.JsonContent.Create(new { username, password }), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {username}: {(int)response.StatusCode}");
        var client = new HttpClient { BaseAddress = bot.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["accessToken"]);
        return client;
    }
}
