using System.Diagnostics;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>Runs the built server (LibraryBot.Bot.dll) as a one-off command, e.g. <c>create-staff …</c>, and captures what it printed.</summary>
public static class ServerCommand
{
    public static async Task<ServerCommandResult> RunAsync(IReadOnlyList<string> args, IDictionary<string, string> environment, string? input, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", [ServerDll(), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ServerCommandResult(process.ExitCode, await output, await errors);
    }

    private static string ServerDll()
    {
        // tests/LibraryBot.Bot.Tests/bin/<Configuration>/net10.0/ → src/Bot/bin/<Configuration>/net10.0/LibraryBot.Bot.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Bot", "bin", testBin.Parent!.Name, testBin.Name, "LibraryBot.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the server was not found.", dll);
    }
}
