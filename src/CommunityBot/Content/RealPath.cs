namespace CommunityBot.Content;

/// <summary>Where a path really leads once every symbolic link along it is followed, as the operating system would.</summary>
public static class RealPath
{
    // The limit Linux puts on links followed in one lookup (ELOOP); a loop of links ends here too.
    private const int MaxLinks = 40;

    private static readonly char[] _separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    public static string Of(string path)
    {
        var pending = Path.GetFullPath(path);
        for (var links = 0; links <= MaxLinks; links++)
        {
            var root = Path.GetPathRoot(pending) ?? "";
            var parts = pending[root.Length..].Split(_separators, StringSplitOptions.RemoveEmptyEntries);
            var resolved = root;
            string? relinked = null;
            for (var i = 0; i < parts.Length && relinked is null; i++)
            {
                var next = Path.Combine(resolved, parts[i]);
                FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (entry.LinkTarget is { } target)
                {
                    relinked = Path.GetFullPath(Path.Combine([resolved, target, .. parts[(i + 1)..]]));
                }
                resolved = next;
            }
            if (relinked is null)
            {
                return resolved;
            }
            pending = relinked;
        }
        throw new IOException($"more than {MaxLinks} symbolic links on the way to {path}");
    }

    /// <summary>Whether <paramref name="path"/> really lies inside <paramref name="folder"/>, links followed on both.</summary>
    public static bool IsInside(string path, string folder) =>
        Of(path).StartsWith(Path.TrimEndingDirectorySeparator(Of(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
