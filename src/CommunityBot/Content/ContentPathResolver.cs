namespace CommunityBot.Content;

/// <summary>
/// Finds the essays folder for a relative path: from the working directory when it is there (dotnet run at the
/// repository root), otherwise from the nearest folder above the program that has it (the built program run elsewhere).
/// </summary>
public static class ContentPathResolver
{
    public static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }
        var fromWorkingDirectory = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return fromWorkingDirectory;
    }
}
