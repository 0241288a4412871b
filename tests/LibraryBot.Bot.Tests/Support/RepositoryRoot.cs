namespace LibraryBot.Bot.Tests.Support;

/// <summary>The clone's root folder (the one holding LibraryBot.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LibraryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LibraryBot.sln not found above " + AppContext.BaseDirectory);
    }
}
