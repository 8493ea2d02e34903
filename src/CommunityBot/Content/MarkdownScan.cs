namespace CommunityBot.Content;

/// <summary>
/// Measures how deeply an essay body nests before Markdig parses it. Markdig refuses deep nesting only after
/// spending seconds on it (thousands of nested list items) and then with a message that names no line; unclosed
/// '[' are rescanned for every later bracket. A line-by-line count, never recursive, finds both first.
/// </summary>
public static class MarkdownScan
{
    /// <summary>An essay quotes inside a list now and then; 32 levels is far beyond any prose.</summary>
    public const int MaxDepth = 32;

    /// <returns>The first line nested too deeply, 1-based within <paramref name="body"/>.</returns>
    public static ScanProblem? Check(string body)
    {
        var line = 0;
        var openBrackets = 0;
        foreach (var text in body.Split('\n'))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                // A blank line ends the paragraph, and with it every bracket that could still close.
                openBrackets = 0;
                continue;
            }
            if (ContainerDepth(text) > MaxDepth)
            {
                return new ScanProblem(line, $"nested more than {MaxDepth} levels deep (block quotes '>', lists and their indentation)");
            }
            foreach (var c in text)
            {
                openBrackets += c switch
                {
                    '[' => 1,
                    ']' when openBrackets > 0 => -1,
                    _ => 0,
                };
            }
            if (openBrackets > MaxDepth)
            {
                return new ScanProblem(line, $"more than {MaxDepth} '[' open at once in one paragraph");
            }
        }
        return null;
    }

    /// <summary>
    /// Counts the block quote and list markers that open the line, and two columns of indentation before a marker as
    /// one more level (a nested list item needs at least two): never fewer levels than Markdig will build. Indentation
    /// with no marker after it (a poem's, a code block's) opens nothing.
    /// </summary>
    private static int ContainerDepth(string text)
    {
        var markers = 0;
        var columns = 0;
        var columnsBeforeAMarker = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else if (c == '>' || (c is '-' or '*' or '+' && IsMarkerEnd(text, i + 1)))
            {
                markers++;
                columnsBeforeAMarker = columns;
            }
            else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, i) is var end && end > i)
            {
                markers++;
                columnsBeforeAMarker = columns;
                i = end;
            }
            else
            {
                break;
            }
            i++;
        }
        return markers + (columnsBeforeAMarker / 2);
    }

    /// <returns>The index of the '.' or ')' closing an ordered list marker starting at <paramref name="start"/>, or -1.</returns>
    private static int OrderedMarkerEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 9 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i < text.Length && text[i] is '.' or ')' && IsMarkerEnd(text, i + 1) ? i : -1;
    }

    private static bool IsMarkerEnd(string text, int index) => index >= text.Length || text[index] is ' ' or '\t';
}
