using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace LibraryBot.LoadBench;

/// <summary>The Release build of the server as a child process with its own database, sending to the fake Graph API.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _database;

    private BenchServer(Process process, string database, string baseUrl)
    {
        _process = process;
        _database = database;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<BenchServer> StartAsync(string root, string work, string graphUrl, BenchSettings settings, bool processing = true)
    {
        var dll = Path.Combine(root, "src", "Bot", "bin", "Release", "net10.0", "LibraryBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the Release server first: dotnet build -c Release src/Bot", dll);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseUrl = $"http://127.0.0.1:{port}";
        var database = Path.Combine(work, "bench.db");
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = work, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["Urls"] = baseUrl;
        env["DOTNET_gcServer"] = "1";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Storage__Sqlite__Path"] = database;
        env["Catalog__Embedded__Path"] = Path.Combine(work, "demo-library.db");
        // Sandbox stays on for WeChat (unused here); WhatsApp has an access token, so it talks to ApiBaseUrl: the fake.
        env["Sandbox__Enabled"] = "true";
        env["Channels__WhatsApp__AppSecret"] = "librarybot-sandbox-app-secret";
        env["Channels__WhatsApp__VerifyToken"] = "bench-verify";
        env["Channels__WhatsApp__AccessToken"] = "bench-token";
        env["Channels__WhatsApp__PhoneNumberId"] = "100000000000001";
        env["Channels__WhatsApp__ApiBaseUrl"] = graphUrl;
        env["Channels__WhatsApp__MessagesPerSecond"] = settings.MessagesPerSecond.ToString(CultureInfo.InvariantCulture);
        env["Bot__MessagesPerMinutePerPatron"] = "10000";
        env["Inbox__ProcessingEnabled"] = processing ? "true" : "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/readyz")).IsSuccessStatusCode)
                {
                    return new BenchServer(process, database, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // Starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not become ready.");
    }

    /// <summary>Replies claimed by a dispatcher and not yet recorded as sent.</summary>
    public long InFlightReplies() => Scalar("SELECT COUNT(*) FROM outbox WHERE status = 0 AND lease_until IS NOT NULL");

    public long PendingTurns() => Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0");

    public long CompletedTurns() => Scalar("SELECT COUNT(*) FROM inbox WHERE status = 1");

    public async Task<bool> WaitForDrainAsync(TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        while (DateTime.UtcNow < deadline)
        {
            if (Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0 && Scalar("SELECT COUNT(*) FROM outbox WHERE status = 0") == 0)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    public double PeakRssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    /// <summary>CPU time (user + system) the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
