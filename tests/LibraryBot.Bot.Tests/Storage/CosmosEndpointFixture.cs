using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>
/// A Cosmos DB endpoint for the contract suite: <c>LIBRARYBOT_COSMOS_ENDPOINT</c> (+ <c>LIBRARYBOT_COSMOS_KEY</c>) when set
/// (a real account or the official emulator), otherwise the local test server from <c>../shared/tools/cosmos-test-server</c>,
/// started on a free loopback port and stopped at the end.
/// </summary>
public sealed class CosmosEndpointFixture : IAsyncLifetime
{
    /// <summary>The emulator's published key; the local test server accepts any valid key.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly TimeSpan StartupBudget = TimeSpan.FromMinutes(3);

    private string? _pidFile;

    public string Endpoint { get; private set; } = "";

    public string Key { get; private set; } = EmulatorKey;

    /// <summary>Why the suite cannot run here (no ../shared folder), or null.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("LIBRARYBOT_COSMOS_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            Endpoint = endpoint;
            Key = Environment.GetEnvironmentVariable("LIBRARYBOT_COSMOS_KEY") is { Length: > 0 } key
                ? key
                : throw new InvalidOperationException("LIBRARYBOT_COSMOS_ENDPOINT is set but LIBRARYBOT_COSMOS_KEY is not: set the account key too.");
            return;
        }

        var script = Path.Combine(RepoRoot(), "..", "shared", "tools", "cosmos-test-server", "start.sh");
        if (!File.Exists(script))
        {
            SkipReason = $"Cosmos contract tests skipped: {Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared"))} is absent and LIBRARYBOT_COSMOS_ENDPOINT is not set.";
            return;
        }

        Endpoint = await StartTestServerAsync(script);
    }

    public ValueTask DisposeAsync()
    {
        if (_pidFile is not null && File.Exists(_pidFile) && int.TryParse(File.ReadAllText(_pidFile).Trim(), out var pid))
        {
            try
            {
                using var server = Process.GetProcessById(pid);
                server.Kill(entireProcessTree: true);
                server.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // The server has already exited.
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<string> StartTestServerAsync(string script)
    {
        var home = Environment.GetEnvironmentVariable("COSMOS_TEST_HOME") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "librarybot-cosmos-test-server");
        _pidFile = Path.Combine(home, "server.pid");
        var start = new ProcessStartInfo("bash", [script, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["COSMOS_TEST_HOME"] = home;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartupBudget);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The Cosmos test server did not start within {StartupBudget.TotalSeconds} s ({script}); see {home}/server.log.");
        }

        var url = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || url is null || !url.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The Cosmos test server failed to start (exit {process.ExitCode}): {await errors} See {home}/server.log.");
        }

        return url;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LibraryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LibraryBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
