using System.Text.RegularExpressions;

namespace CommunityBot.Tests.Docs;

/// <summary>README.md and docs/*.md render as written: whole tables, links that lead somewhere, a short README.</summary>
public sealed partial class MarkdownDocTests
{
    [Fact]
    public void MarkdownTables_InReadmeAndDocs_AreNotSplitByABlankLine()
    {
        // A blank line inside a table ends it; the rows after it have no header and render as text.
        var headerless = MarkdownFile.All
            .SelectMany(file => MarkdownTable.All(file).Where(t => !t.HasHeader).Select(t => $"{file.Name}:{t.FirstLine}: {t.Lines[0]}"));
        Assert.Empty(headerless);
    }

    [Fact]
    public void MarkdownLinks_Relative_PointToFilesAndHeadingsThatExist()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownFile.All)
        {
            foreach (var (number, text) in file.ProseLines())
            {
                foreach (Match link in Link().Matches(InlineCode().Replace(text, "")))
                {
                    if (Problem(file, link.Groups["target"].Value) is { } problem)
                    {
                        broken.Add($"{file.Name}:{number}: {link.Value}: {problem}");
                    }
                }
            }
        }
        Assert.Empty(broken);
    }

    [Fact]
    public void Readme_Length_IsAFiveMinuteRead()
    {
        var readme = MarkdownFile.Readme;
        Assert.True(readme.Lines.Count <= 120, $"README.md has {readme.Lines.Count} lines; reference material belongs in docs/");
    }

    [Fact]
    public void Readme_EveryDocsPage_IsLinked()
    {
        var readme = string.Join('\n', MarkdownFile.Readme.Lines);
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Select(Path.GetFileName);
        Assert.All(pages, page => Assert.Contains($"(docs/{page}", readme, StringComparison.Ordinal));
    }

    /// <summary>What is wrong with a link's target, or null; addresses on the web are not fetched.</summary>
    private static string? Problem(MarkdownFile file, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var path = pathPart.Length == 0 ? file.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.Path)!, Uri.UnescapeDataString(pathPart)));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return "no such file";
        }
        if (anchor is not null && path.EndsWith(".md", StringComparison.Ordinal) && !MarkdownFile.At(path).Anchors().Contains(anchor))
        {
            return $"no heading #{anchor}";
        }
        return null;
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();
}
