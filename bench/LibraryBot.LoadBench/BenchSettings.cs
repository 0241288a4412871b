using System.Globalization;

namespace LibraryBot.LoadBench;

/// <param name="DrainSeconds">Longest wait for a backlog to drain (after the live phase, and in the drain phase), so a run ends in bounded time.</param>
internal sealed record BenchSettings(int DurationSeconds, int Connections, int Threads, int Senders, int MessagesPerSecond, int DrainSeconds)
{
    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Get("--duration", 30), Get("--connections", 64), Get("--threads", 2), Get("--senders", 10_000), Get("--mps", 10_000), Get("--drain-seconds", 60));
    }
}

internal static class BenchPaths
{
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
