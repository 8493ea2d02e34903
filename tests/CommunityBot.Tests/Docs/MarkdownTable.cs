namespace CommunityBot.Tests.Docs;

/// <summary>A run of consecutive table lines in a Markdown file: a header, a separator, the rows.</summary>
public sealed class MarkdownTable
{
    private MarkdownTable(int firstLine, IReadOnlyList<string> lines)
    {
        FirstLine = firstLine;
        Lines = lines;
    }

    public int FirstLine { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>A header followed by its |---| separator; a block without one renders as plain text.</summary>
    public bool HasHeader => Lines.Count >= 2 && Lines[1].Replace(" ", "", StringComparison.Ordinal).StartsWith("|---", StringComparison.Ordinal);

    /// <summary>The cells of every row after the header and separator.</summary>
    public IEnumerable<string[]> Rows => Lines.Skip(2).Select(Cells);

    public static IEnumerable<MarkdownTable> All(MarkdownFile file)
    {
        var block = new List<string>();
        var first = 0;
        var previous = -1;
        foreach (var (number, text) in file.ProseLines().Append((int.MaxValue, "")))
        {
            var isTableLine = text.TrimStart().StartsWith('|');
            if (isTableLine && block.Count > 0 && number == previous + 1)
            {
                block.Add(text.Trim());
            }
            else
            {
                if (block.Count > 0)
                {
                    yield return new MarkdownTable(first, block);
                }
                block = isTableLine ? [text.Trim()] : [];
                first = number;
            }
            previous = number;
        }
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|');
}
