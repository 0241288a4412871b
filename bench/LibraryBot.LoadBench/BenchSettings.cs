using System.Globalization;

namespace LibraryBot.LoadBench;

internal sealed record BenchSettings(int DurationSeconds, int Connections, int Threads, int Senders, int MessagesPerSecond)
{
    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Get("--duration", 30), Get("--connections", 64), Get("--threads", 2), Get("--senders", 10_000), Get("--mps", 10_000));
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
