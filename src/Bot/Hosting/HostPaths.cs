namespace LibraryBot.Bot.Hosting;

/// <summary>
/// Finds the folder holding the one <c>appsettings.json</c> the host loads: the repository root when run from a clone
/// (<c>dotnet run --project src/Bot</c>), or the current or application folder of a published copy.
/// </summary>
public static class HostPaths
{
    public static string FindContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>Resolves a configured path against the content root unless it is absolute.</summary>
    public static string Resolve(string contentRoot, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}
