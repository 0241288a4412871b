using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Support;

/// <summary>
/// The real server, built by this solution, running as a child process on a free loopback port with its own SQLite
/// file — so tests can post signed webhooks to it, kill it, restart it on the same file, and read the database.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>A setting value that removes the variable (e.g. the default <c>Urls</c>) instead of setting it.</summary>
    public const string Unset = "(unset)";

    /// <summary>Replaced by the process's port in setting values and arguments.</summary>
    public const string PortPlaceholder = "{port}";

    private readonly Dictionary<string, string> _environment;
    private readonly string[] _arguments;
    private readonly string _readyPath;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private BotProcess(string directory, IDictionary<string, string>? settings, IReadOnlyList<string>? arguments, string readyPath)
    {
        _readyPath = readyPath;
        Directory = directory;
        Port = FreePort();
        DatabasePath = Path.Combine(directory, "bot.db");
        _environment = new Dictionary<string, string>
        {
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Storage__Sqlite__Path"] = DatabasePath,
            ["Catalog__Embedded__Path"] = Path.Combine(directory, "demo-library.db"),
            ["Logging__LogLevel__Default"] = "Information",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (value == Unset)
            {
                _environment.Remove(key);
            }
            else
            {
                _environment[key] = value.Replace(PortPlaceholder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        _arguments = [.. (arguments ?? []).Select(a => a.Replace(PortPlaceholder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))];
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string DatabasePath { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="readyPath">What the start waits to answer 200: <c>/readyz</c>, or <c>/healthz</c> for a server that is meant not to be ready.</param>
    public static async Task<BotProcess> StartAsync(IDictionary<string, string>? settings = null, string? directory = null, IReadOnlyList<string>? arguments = null,
        string readyPath = "/readyz")
    {
        directory ??= Path.Combine(Path.GetTempPath(), "librarybot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var bot = new BotProcess(directory, settings, arguments, readyPath);
        await bot.StartAsync();
        return bot;
    }

    /// <summary>Starts (or restarts) the server on the same database file, with settings changed as given.</summary>
    public async Task StartAsync(IDictionary<string, string>? changes = null)
    {
        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        var start = new ProcessStartInfo("dotnet", [ServerDll(), .. _arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await Http.GetAsync(_readyPath);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become ready within 60 s:\n{Output}");
    }

    /// <summary>Kills the process at once (no graceful shutdown), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Runs a query against the server's database file (read-only).</summary>
    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while waiting for {what}:\n{Output}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException e) when (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while waiting for {what}:\n{Output}", e);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}.\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string ServerDll()
    {
        // tests/LibraryBot.Bot.Tests/bin/<Configuration>/net10.0/ → src/Bot/bin/<Configuration>/net10.0/LibraryBot.Bot.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Bot", "bin", configuration, testBin.Name, "LibraryBot.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the server was not found.", dll);
    }

    /// <summary>A loopback port nothing listens on (for a second listener, or a library system that is down).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
