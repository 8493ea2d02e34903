namespace CommunityBot.Tests;

/// <summary>Folders of the repository the tests run in, found by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The editors' essays, which change whenever one is added, edited or removed: only tests of what holds for any
    /// valid corpus read them. A test that needs known essays, counts or quotes reads <see cref="SeedEssays"/>.
    /// </summary>
    public static string Essays => Path.Combine(Root, "data", "essays");

    /// <summary>A frozen copy of the seed corpus (the seven essays of the journal page), for tests that pin its contents.</summary>
    public static string SeedEssays => Path.Combine(Root, "tests", "CommunityBot.Tests", "Fixtures", "essays");

    /// <summary>
    /// The bot as built in its own output folder, in the configuration the tests were built in. The copy beside the
    /// tests cannot run on its own: the tests' ASP.NET Core framework reference keeps some of its packages out.
    /// </summary>
    public static string ProgramDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(Root, "src", "CommunityBot", "bin", configuration, "net10.0", "CommunityBot.dll");
        }
    }

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
