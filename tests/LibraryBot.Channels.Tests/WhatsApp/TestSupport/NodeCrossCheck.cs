using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>Runs tests/crosscheck/whatsapp/check.mjs (whatsapp-api-js 6.3.0) on a temp file and returns its JSON answer.</summary>
internal static class NodeCrossCheck
{
    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("`node` is not on PATH; the WhatsApp cross-check needs Node.js.", e);
        }
    }

    public static async Task<JsonArray> RunAsync(string mode, JsonArray input)
    {
        if (!RepoPaths.SharedPresent)
        {
            Assert.Skip("../shared is absent, so this is not a LibraryBot development or CI machine: the whatsapp-api-js cross-check is skipped.");
        }

        var folder = RepoPaths.CrossCheckFolder;
        Assert.True(
            Directory.Exists(Path.Combine(folder, "node_modules", "whatsapp-api-js")),
            $"whatsapp-api-js is not installed: run `npm ci` in {folder} (the project's test script does).");
        var file = Path.Combine(Path.GetTempPath(), $"librarybot-wa-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node", ["check.mjs", mode, file])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = StartNode(start);
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"node check.mjs {mode} failed ({process.ExitCode}): {await stderr}");
            var firstLine = (await stdout).Split('\n')[0];
            return JsonNode.Parse(firstLine)!.AsArray();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
