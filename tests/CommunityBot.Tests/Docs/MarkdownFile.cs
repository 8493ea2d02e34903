using System.Text.RegularExpressions;

namespace CommunityBot.Tests.Docs;

/// <summary>One Markdown file of the repository's docs, read as the tests need it: lines outside code, fenced blocks, headings.</summary>
public sealed partial class MarkdownFile
{
    private MarkdownFile(string path)
    {
        Path = path;
        Lines = File.ReadAllLines(path);
    }

    public string Path { get; }

    /// <summary>The path from the repository root, for messages.</summary>
    public string Name => System.IO.Path.GetRelativePath(RepositoryPaths.Root, Path);

    public IReadOnlyList<string> Lines { get; }

    public static MarkdownFile Readme => At(System.IO.Path.Combine(RepositoryPaths.Root, "README.md"));

    public static MarkdownFile Configuration => At(System.IO.Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));

    public static MarkdownFile At(string path) => new(path);

    /// <summary>README.md and every page of docs/.</summary>
    public static IReadOnlyList<MarkdownFile> All =>
    [
        Readme,
        .. Directory.GetFiles(System.IO.Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(At),
    ];

    /// <summary>Each line with its 1-based number, skipping fenced code blocks and their fences.</summary>
    public IEnumerable<(int Number, string Text)> ProseLines()
    {
        var inFence = false;
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (!inFence)
            {
                yield return (i + 1, Lines[i]);
            }
        }
    }

    /// <summary>The lines of every fenced block opened with the given info string (```sh), each with its 1-based number.</summary>
    public IEnumerable<(int Number, string Text)> FencedLines(string info)
    {
        var inBlock = false;
        var inOther = false;
        for (var i = 0; i < Lines.Count; i++)
        {
            var trimmed = Lines[i].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (inBlock || inOther)
                {
                    (inBlock, inOther) = (false, false);
                }
                else
                {
                    inBlock = trimmed[3..].Trim() == info;
                    inOther = !inBlock;
                }
                continue;
            }
            if (inBlock)
            {
                yield return (i + 1, Lines[i]);
            }
        }
    }

    /// <summary>The anchors GitHub gives this file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public IReadOnlySet<string> Anchors() =>
        ProseLines()
            .Select(l => Heading().Match(l.Text))
            .Where(m => m.Success)
            .Select(m => AnchorPunctuation().Replace(m.Groups["text"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex AnchorPunctuation();
}
