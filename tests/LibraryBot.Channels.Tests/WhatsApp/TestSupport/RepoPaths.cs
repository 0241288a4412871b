namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>Finds the repository root (the folder holding LibraryBot.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Payload(string name) => Path.Combine(Root, "tests", "LibraryBot.Channels.Tests", "WhatsApp", "Payloads", name + ".json");

    public static string CrossCheckFolder => Path.Combine(Root, "tests", "crosscheck", "whatsapp");

    /// <summary>
    /// True when the project's shared folder is present beside the repository (or beside a folder above it, as for a
    /// git worktree next to the main clone): then every external peer must be installed and a missing one fails the test.
    /// Found relative to the repository only — never by a path of one machine.
    /// </summary>
    public static bool SharedPresent
    {
        get
        {
            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "shared", "docs")))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static string FindRoot()
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
