namespace CommunityBot.Benchmarks;

internal static class RepositoryRoot
{
    /// <summary>The folder holding CommunityBot.sln, above the harness's output folder or the current one.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CommunityBot.sln")))
                    return folder.FullName;
            }
        }
        throw new InvalidOperationException("CommunityBot.sln not found above " + AppContext.BaseDirectory);
    }
}
