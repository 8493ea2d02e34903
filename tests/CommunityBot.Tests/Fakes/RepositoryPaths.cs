namespace CommunityBot.Tests;

/// <summary>Folders of the repository the tests run in, found by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Essays => Path.Combine(Root, "data", "essays");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CommunityBot.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("CommunityBot.sln not found above " + AppContext.BaseDirectory);
    }
}
