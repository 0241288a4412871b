using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>Runs the built server's <c>backup</c> and <c>restore</c> commands as a separate process, configured for a data folder as <c>BotProcess</c> configures its server.</summary>
internal static class BackupCommands
{
    public static Task<ServerCommandResult> BackupAsync(string dataFolder, string file, IDictionary<string, string>? settings = null) =>
        RunAsync(dataFolder, settings, "backup", file);

    public static Task<ServerCommandResult> RestoreAsync(string dataFolder, string file, IDictionary<string, string>? settings = null) =>
        RunAsync(dataFolder, settings, "restore", file);

    public static Task<ServerCommandResult> RunAsync(string dataFolder, IDictionary<string, string>? settings, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Sqlite__Path"] = Path.Combine(dataFolder, "bot.db"),
            ["Catalog__Embedded__Path"] = Path.Combine(dataFolder, "demo-library.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServerCommand.RunAsync(args, environment, input: null, workingDirectory: dataFolder);
    }

    /// <summary>The one line a refused command printed on standard error (fails when it printed anything else or exited 0).</summary>
    public static string SingleError(ServerCommandResult result)
    {
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}; output: {result.Output}; errors: {result.Errors}");
        Assert.Equal(string.Empty, result.Output);
        return Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
