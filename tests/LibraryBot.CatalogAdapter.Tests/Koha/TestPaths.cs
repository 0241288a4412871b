using System.Net;
using System.Net.Sockets;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>Where the repository, the shared specs and the recorded payloads are.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding LibraryBot.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder (<c>../shared</c> of the repository, or of a folder above a worktree), or null when absent.</summary>
    public static string? SharedDir { get; } = FindShared();

    public static string Payload(string area, string name) =>
        Path.Combine(RepoRoot, "tests", "LibraryBot.CatalogAdapter.Tests", area, "Payloads", name);

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LibraryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LibraryBot.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string? FindShared()
    {
        for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "specs")))
            {
                return shared;
            }
        }

        return null;
    }
}
