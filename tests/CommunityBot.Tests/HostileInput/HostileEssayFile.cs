namespace CommunityBot.Tests.HostileInput;

/// <summary>The essay files found to crash, stall or swell the bot, each with where and why it must be refused.</summary>
public sealed record HostileEssayFile(string Name, int Line, string Field, string Reason)
{
    public static readonly HostileEssayFile DeepBlockQuote = new("deep-quote", 4, "body", "nested more than 32 levels");
    public static readonly HostileEssayFile DeepFlowFrontMatter = new("deep-flow", 3, "front matter", "nested more than 32 levels");
    public static readonly HostileEssayFile AliasChainComplexKey = new("alias-chain", 3, "front matter", "anchors and aliases are not allowed");
    public static readonly HostileEssayFile FiftyMegabytes = new("fifty-megabytes", 0, "file", "Content:MaxFileBytes");

    public static TheoryData<string> Names { get; } = [.. All().Select(f => f.Name)];

    public static HostileEssayFile Named(string name) => All().Single(f => f.Name == name);

    /// <summary>Writes the file into <paramref name="folder"/>; the 50 MB one is sparse, so the test stays fast.</summary>
    public string WriteInto(string folder)
    {
        var path = Path.Combine(folder, Name + ".md");
        if (this == FiftyMegabytes)
        {
            using var file = new FileStream(path, FileMode.Create);
            file.Write("---\ntitle: Huge\n---\n"u8);
            file.SetLength(50L * 1024 * 1024);
            return path;
        }
        File.WriteAllText(path, Content());
        return path;
    }

    private string Content()
    {
        if (this == DeepBlockQuote)
        {
            return "---\ntitle: Deep Quote\n---\n" + new string('>', 10_000) + " down here\n";
        }
        if (this == DeepFlowFrontMatter)
        {
            return "---\ntitle: Deep Flow\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n";
        }
        // Each level refers to the one before ten times, so hashing the complex key walks 10^10 nodes.
        var levels = string.Concat(Enumerable.Range(1, 9).Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));
        return "---\ntitle: Alias Chain\nx0: &a0 [lol]\n" + levels + "? *a9\n: boom\n---\n";
    }

    private static IEnumerable<HostileEssayFile> All() => [DeepBlockQuote, DeepFlowFrontMatter, AliasChainComplexKey, FiftyMegabytes];
}
