using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace LibraryBot.BroadcastBench;

/// <summary>
/// The Release build of the server as a child process on the seeded files (sandbox on, WhatsApp sending to the
/// recording fake), broadcasts allowed at any hour, with an admin from settings for the staff API.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string AdminUser = "bench-admin";
    public const string AdminPassword = "bench-admin-password-1";

    private readonly Process _process;
    private bool _disposed;

    private BenchServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BenchServer> StartAsync(string root, string work, string graphUrl)
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
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = work, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["Urls"] = baseUrl;
        env["DOTNET_gcServer"] = "1";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Storage__Sqlite__Path"] = Path.Combine(work, BroadcastScale.BotFile);
        env["Catalog__Embedded__Path"] = Path.Combine(work, BroadcastScale.CatalogueFile);
        env["Bot__PrivacyUrl"] = "https://library.example/privacy";
        // Sandbox stays on for WeChat (unused here); WhatsApp has an access token, so it talks to ApiBaseUrl: the fake.
        env["Sandbox__Enabled"] = "true";
        env["Channels__WhatsApp__AppSecret"] = "librarybot-sandbox-app-secret";
        env["Channels__WhatsApp__VerifyToken"] = "bench-verify";
        env["Channels__WhatsApp__AccessToken"] = "bench-token";
        env["Channels__WhatsApp__PhoneNumberId"] = BroadcastScale.PhoneNumberId;
        env["Channels__WhatsApp__ApiBaseUrl"] = graphUrl;
        // Meta's throughput for a number on a higher tier: the sender is not what limits the broadcast's rate.
        env["Channels__WhatsApp__MessagesPerSecond"] = "1000";
        env["Handoff__Admin__Username"] = AdminUser;
        env["Handoff__Admin__DisplayName"] = "Bench Admin";
        env["Handoff__Admin__Password"] = AdminPassword;
        env["Notices__Enabled"] = "false";
        env["Broadcasts__QuietHours"] = "";
        env["Broadcasts__PollSeconds"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/readyz")).IsSuccessStatusCode)
                {
                    return new BenchServer(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // Starting.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The server did not become ready.");
    }

    /// <summary>Signs the admin in and returns a client that sends its bearer token.</summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.PostAsJsonAsync("/api/staff/login", new { username = AdminUser, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["accessToken"]
            ?? throw new InvalidOperationException("The sign-in answer has no accessToken.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>CPU time (user + system) the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

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

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LibraryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from a clone: LibraryBot.sln not found.");
    }
}
