namespace CommunityBot.Content;

/// <summary>Where a path really leads once every symbolic link along it is followed, as the operating system would.</summary>
public static class RealPath
{
    // The limit Linux puts on links followed in one lookup (ELOOP); a loop of links ends here too.
    private const int MaxLinks = 40;

    private static readonly char[] _separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>
    /// Walks the path one name at a time, as the kernel does: a link's target replaces the link and is walked in turn,
    /// and ".." steps back from where the walk really is, so "link/../x" is not read as "x" beside the link.
    /// </summary>
    public static string Of(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute) ?? "/";
        var remaining = new Stack<string>(Names(absolute[root.Length..]).Reverse());
        var resolved = root;
        var links = 0;
        while (remaining.TryPop(out var name))
        {
            if (name == ".")
            {
                continue;
            }
            if (name == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? root;
                continue;
            }
            var next = Path.Combine(resolved, name);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.LinkTarget is not { } target)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links on the way to {path}");
            }
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target) ?? root;
            }
            foreach (var part in Names(target).Reverse())
            {
                remaining.Push(part);
            }
        }
        return resolved;
    }

    /// <summary>Whether <paramref name="path"/> really lies inside <paramref name="folder"/>, links followed on both.</summary>
    public static bool IsInside(string path, string folder) =>
        Of(path).StartsWith(Path.TrimEndingDirectorySeparator(Of(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// Where an open file really is, from the kernel (Linux's /proc/self/fd), so that a link swapped in between the
    /// check and the open is caught too; null where the system does not say.
    /// </summary>
    public static string? OfOpenFile(FileStream stream)
    {
        var descriptor = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}");
        return descriptor.Exists ? descriptor.LinkTarget : null;
    }

    private static string[] Names(string path) => path.Split(_separators, StringSplitOptions.RemoveEmptyEntries);
}
