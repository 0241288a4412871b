using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>
/// The independent peer: npm <c>wechat-crypto@0.0.2</c> driven by tests/crosscheck/wechat/crosscheck.js, started
/// once per test class (bounded startup wait) and spoken to in JSON lines. Missing node_modules fail the tests
/// with a clear message; only a missing shared folder (../shared from the repository) skips them.
/// </summary>
public sealed class NodeWeChatPeer : IAsyncLifetime
{
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? node;

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot();
        if (!HasSharedFolder(root))
        {
            SkipReason = $"../shared is absent next to {root}: the WeChat cross-check peer is not provisioned here.";
            return;
        }

        var folder = Path.Combine(root, "tests", "crosscheck", "wechat");
        if (!File.Exists(Path.Combine(folder, "node_modules", "wechat-crypto", "package.json")))
        {
            throw new InvalidOperationException($"wechat-crypto is not installed: run `npm ci` in {folder} (the test script does this).");
        }

        var start = new ProcessStartInfo("node", "crosscheck.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("`node` is not on PATH: install Node.js to run the WeChat cross-check.", ex);
        }

        node.ErrorDataReceived += (_, _) => { };
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartupWait);
        var ready = await node.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready != """{"ready":true}""")
        {
            throw new InvalidOperationException($"The Node WeChat peer did not start (first line: {ready ?? "<none>"}).");
        }
    }

    public async Task<JsonObject> AskAsync(JsonObject request)
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await node!.StandardInput.WriteLineAsync(request.ToJsonString());
            await node.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var line = await node.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The Node peer exited.");
            var answer = JsonNode.Parse(line)!.AsObject();
            return answer["error"] is { } error ? throw new InvalidOperationException($"Node peer error: {error}") : answer;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            node.StandardInput.Close();
            if (!node.WaitForExit(5000))
            {
                node.Kill();
            }

            await node.WaitForExitAsync();
            node.Dispose();
        }

        gate.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LibraryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LibraryBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>../shared relative to the repository (for a worktree, relative to any of its parents).</summary>
    private static bool HasSharedFolder(string root)
    {
        for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "docs")))
            {
                return true;
            }
        }

        return false;
    }
}
